export const SETTING_KINDS = ["early_years", "post_16"] as const;
export type SettingKind = (typeof SETTING_KINDS)[number];
