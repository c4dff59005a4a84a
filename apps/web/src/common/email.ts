// The server's email rule (packages/server users/schemas.ts `emailSchema`): something@something. The
// browser checks the same shape so an address the server accepts — `admin@localhost`, `a@b.c` — is never
// refused before it is sent (antd's `type: "email"` wants a two-letter top-level domain).
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;
