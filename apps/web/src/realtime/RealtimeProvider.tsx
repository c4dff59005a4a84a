// The signed-in frame's realtime connection. Only this small module ships with every page: the
// connection, its query wiring and socket.io-client load after the first render (./query-handlers).
import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import type { RealtimeConnection } from "./connection";

const RealtimeContext = createContext<RealtimeConnection | null>(null);

/** Opens the connection for the signed-in frame and closes it when the user leaves it. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [connection, setConnection] = useState<RealtimeConnection | null>(null);
  useEffect(() => {
    let opened: RealtimeConnection | undefined;
    let left = false;
    void import("./query-handlers").then(({ openConnection }) => {
      if (left) return;
      opened = openConnection(client);
      setConnection(opened);
    });
    return () => {
      left = true;
      opened?.close();
    };
  }, [client]);
  return <RealtimeContext.Provider value={connection}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeConnection | null {
  return useContext(RealtimeContext);
}

/** Live grid: record hints for this form refetch its pages while the component is mounted. */
export function useWatchForm(formId: string | undefined): void {
  const connection = useRealtime();
  useEffect(() => {
    if (!connection || !formId) return;
    return connection.watch(formId);
  }, [connection, formId]);
}
