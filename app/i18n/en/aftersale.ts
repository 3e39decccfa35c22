// The demo's email previews: every template written with its example, in English or Welsh.
export const aftersale = {
  "emailPreviews.title": "Email previews",
  "emailPreviews.lead": "Every email the service sends, written with example details, in English and in Welsh. Only available in the demo and in development.",
  "emailPreviews.link": "See every email the service can send",
  "emailPreviews.template": "Template",
  "emailPreviews.subject": "Subject",
  "emailPreviews.languages": "Preview",
  "emailPreviews.inLanguage": "{template} in {language}",
  "emailPreviews.back": "Back to the email previews",
  "emailPreviews.otherLanguage": "See it in {language}",
  "emailPreviews.html": "As it looks",
  "emailPreviews.htmlFrame": "The email as HTML",
  "emailPreviews.text": "As plain text",
  "emailPreviews.toMailbox": "Go to the local mailbox",
};
