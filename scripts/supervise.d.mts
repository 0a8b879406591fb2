export declare const MAX_RESTARTS: number
export declare const WINDOW_MS: number
export declare const REFUSED_TO_START: number
export declare function afterExit(o: { stopping: boolean; code: number | null; signal: string | null; recent: number[]; now: number }): 'stop' | 'restart' | 'give-up' | 'refused'
export declare function supervise(command: string, args: string[], env: Record<string, string | undefined>, log?: { error(...a: unknown[]): void }): void
