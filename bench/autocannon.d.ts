/** autocannon ships no types: the part of its API the benches use. */
declare module 'autocannon' {
  interface Result {
    readonly requests: { readonly average: number };
    readonly latency: { readonly p99: number; readonly p50: number };
    readonly non2xx: number;
    readonly errors: number;
  }
  export default function autocannon(options: { url: string; connections: number; duration: number; headers?: Record<string, string> }): Promise<Result>;
}
