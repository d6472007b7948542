// The module web/build.mjs makes from every web/src/screens/<name>/index.ts, for the type checker.
declare module 'virtual:console-screens' {
  const screenSets: ReadonlyArray<{ order: number; screens: import('./types.ts').Screen[] }>;
  export default screenSets;
}
