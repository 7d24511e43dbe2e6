/** What the watchdog needs from the long-connection client (the SDK's getConnectionStatus()). */
export interface ConnectionStatus {
  state: 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed';
}

/**
 * Restarts the long connection when it is not connected for longer than `silenceMs`, or when the SDK
 * gave up (`failed`, after its own retries). A silent but open socket is caught earlier by the SDK's
 * ping watchdog (`pingTimeout`), which terminates it and lets this see the disconnect.
 */
export function createWsWatchdog(opts: {
  status: () => ConnectionStatus;
  restart: () => void | Promise<void>;
  now: () => number;
  silenceMs: number;
  onRestart?: (reason: string) => void;
}) {
  let downSince: number | null = null;
  return {
    /** Called on a timer; returns true when it restarted the connection. */
    async tick(): Promise<boolean> {
      const { state } = opts.status();
      const now = opts.now();
      if (state === 'connected') {
        downSince = null;
        return false;
      }
      downSince ??= now;
      const reason = state === 'failed' ? 'the SDK gave up reconnecting' : now - downSince >= opts.silenceMs ? `not connected for ${Math.round((now - downSince) / 1000)} s` : null;
      if (!reason) return false;
      opts.onRestart?.(reason);
      downSince = now;
      await opts.restart();
      return true;
    },
  };
}
