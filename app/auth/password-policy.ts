// The password policy, without the hashing, so forms in the browser bundle can share it.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
