export { type BuildAppOptions, buildApp } from "./app";
export { DEFAULT_CONFIG, resolveConfig, type ServerConfig, type ServerConfigInput } from "./config";
export type { Db } from "./database";
export { AddressPolicy } from "./outbound/address-policy";
export { generatePassword } from "./plugins/auth/password";
export type { PubSub } from "./plugins/realtime/realtime";
export { installFromGallery, listGallery } from "./plugins/templates/install-from-gallery";
export { createUser, hasAdmin, type NewUserInput, type UserView } from "./plugins/users/users-store";
