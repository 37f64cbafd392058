// Types for the two natural modules imported by deep path in nlp.ts.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  function jaroWinkler(a: string, b: string, options?: { ignoreCase?: boolean }): number;
  export default jaroWinkler;
}
