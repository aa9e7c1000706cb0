/** The value of the input or select an input/change event came from (the forms keep their state outside the DOM). */
export const fieldValue = (e: Event): string => (e.target as HTMLInputElement | HTMLSelectElement).value;
