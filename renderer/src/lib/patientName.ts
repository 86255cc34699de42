/** "SMITH, Jane" as UK notes write it; a placeholder that says what is missing. */
export function patientName(family: string | null, given: string | null): string {
  if (!family && !given) return 'New patient (no name yet)';
  return `${family ? family.toUpperCase() : '(family name missing)'}, ${given ?? '(given name missing)'}`;
}
