// The part of unzipper's API the tests use (the package ships no types).
declare module 'unzipper' {
  interface CentralDirectory {
    files: { path: string; type: 'File' | 'Directory'; buffer(): Promise<Buffer> }[];
  }
  export const Open: {
    buffer(data: Buffer): Promise<CentralDirectory>;
    file(path: string): Promise<CentralDirectory>;
  };
}
