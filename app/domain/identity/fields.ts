// Form fields shared by the identity forms, with GOV.UK error messages.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from "~/auth/password-policy";
import { t } from "~/i18n";

/** An email address, trimmed and lower-cased: addresses are unique ignoring case. */
export const emailField = z
  .string({ required_error: t("email.required") })
  .trim()
  .min(1, t("email.required"))
  .max(254, t("email.tooLong"))
  .email(t("email.invalid"))
  .transform((v) => v.toLowerCase());

export const newPasswordField = z
  .string({ required_error: t("password.required") })
  .min(1, t("password.required"))
  .min(PASSWORD_MIN_LENGTH, t("password.tooShort"))
  .max(PASSWORD_MAX_LENGTH, t("password.tooLong"))
  .superRefine((password, ctx) => {
    // Only once the length is right, so one message at a time says what to change.
    if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return;
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: "custom", message: t(`password.weak.${problem}`) });
  });

/** A new password typed twice. */
export const NewPasswordSchema = z
  .object({
    password: newPasswordField,
    confirmPassword: z.string({ required_error: t("password.confirmRequired") }).min(1, t("password.confirmRequired")),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: t("password.mismatch") });
  });

/** Tokens in emailed links are 32 base32 characters; anything else is not one of ours. */
export const looksLikeToken = (token: string | undefined): token is string => typeof token === "string" && /^[a-z2-7]{32}$/.test(token);
