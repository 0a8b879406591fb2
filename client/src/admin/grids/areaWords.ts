/** "12,345 平方米（m²）": thousands grouped by hand, as toLocaleString differs between WeChat's engines. */
export function areaWords(m2: number): string {
  const whole = String(Math.round(m2)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${whole} 平方米（m²）`
}
