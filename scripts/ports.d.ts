export function freePort(host?: string): Promise<number>;
export function canConnect(port: number, host?: string, ms?: number): Promise<boolean>;
