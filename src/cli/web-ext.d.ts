/** The part of web-ext's API that lint-firefox-package.ts uses (the package ships no types). */
declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(params: { sourceDir: string; selfHosted?: boolean; output?: 'none' | 'json' | 'text' }, options: { shouldExitProgram: boolean }): Promise<unknown>;
    };
  };
  export default webExt;
}
