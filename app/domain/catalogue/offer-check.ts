// The offer form's check in the browser: the server's schema, run by conform. The page fetches this
// once it has come to life, so zod is not part of its first load; until it arrives the server checks.
import { validateSubmission } from "~/forms/submission";
import { offerFormSchema } from "./offer-schema";

export const checkOffer = (formData: FormData) => validateSubmission(formData, offerFormSchema());
