/** The test run's own environment, handed on (in part) to the processes the harnesses start. */
export const inheritedEnv: NodeJS.ProcessEnv = process.env;
