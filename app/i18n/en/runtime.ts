export const runtime = {
  "request.tooLarge": "This request is too large. A form on this service sends at most {limit}.",

  "nav.failedEmails": "Failed emails",
  "failedEmails.title": "Emails that could not be sent",
  "failedEmails.lead":
    "The service tried each of these {attempts} times and gave up. Send one again once the cause is fixed (for example, the recipient's address, or the email provider's service).",
  "failedEmails.none": "Nothing has failed. Every email has been sent.",
  "failedEmails.caption": "Failed emails, newest first",
  "failedEmails.what": "Email",
  "failedEmails.recipient": "Recipient",
  "failedEmails.attempts": "Attempts",
  "failedEmails.lastError": "Last error",
  "failedEmails.written": "Written",
  "failedEmails.lastTried": "Last tried",
  "failedEmails.action": "Action",
  "failedEmails.retry": "Send again",
  "failedEmails.retried.title": "Success",
  "failedEmails.retried": "The email to {recipient} will be sent again within a minute.",
  "failedEmails.noRecipient": "no recipient",
};
