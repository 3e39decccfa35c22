export const security = {
  "members.invite.notYourself": "You cannot give yourself a role. Ask another administrator to do it",
  "payment.recordedBy": "Recorded by",
  "password.weak.common":
    "This password is on a list of the most common passwords, so it would be guessed quickly. Choose something else, for example three or four unrelated words",
  "password.weak.repeated":
    "Passwords made of repeated characters or words, like aaaa or abcabc, are easy to guess. Choose something else, for example three or four unrelated words",
  "password.weak.sequence": "Sequences like abcd or 1234 are easy to guess. Choose something else, for example three or four unrelated words",
  "password.weak.keyboard": "Rows of keys on the keyboard, like qwerty, are easy to guess. Choose something else, for example three or four unrelated words",
  "password.weak.personal": "Your password must not contain your name or email address. Choose something else, for example three or four unrelated words",
  "password.weak.guessable": "This password is too easy to guess. Choose something longer, for example three or four unrelated words",
  "demo.banner.label": "Demonstration",
  "demo.banner.tag": "Demo",
  "demo.banner.text":
    "This is a demonstration. The authorities, schools, people and money are made up, every demo account shares a published password, and emails go to a local mailbox instead of being sent. Do not enter real information.",
  "members.invite.nameInvalid": "Name must only include letters, spaces, hyphens and apostrophes",
  "members.invite.tooMany": "You have sent too many invitations. Try again in {minutes} minutes",
  "members.invite.tooManyOne": "You have sent too many invitations. Try again in 1 minute",
  "invitation.join.title": "Join {organisation}",
  "invitation.join.lead": "{inviter} has invited you to join {organisation} as {role}.",
  "invitation.join.what": "If you accept, you can act for {organisation} in this service as well as for your other organisations.",
  "invitation.join.button": "Accept the invitation",
  "invitation.join.wrongAccount.title": "This invitation is for another account",
  "invitation.join.wrongAccount.body":
    "You are signed in with a different email address from the one this invitation was sent to. Sign out, then open the link again and sign in with the invited address.",
  "invitation.join.joined": "You have joined {organisation} as {role}",
  "invitation.join.joinedHeading": "Invitation accepted",
} as const;
