export * from "./vocabulary";
export * from "./tenancy";
export * from "./identity";
export * from "./audit";
export * from "./outbox";
export * from "./catalogue";
export * from "./ledger";
export * from "./purchasing";
