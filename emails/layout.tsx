import { Body, Button, Container, Head, Heading, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { currentLocale, t } from "~/i18n";

const body = { backgroundColor: "#ffffff", fontFamily: "Arial, Helvetica, sans-serif", color: "#0b0c0c" };
const banner = { backgroundColor: "#1d70b8", color: "#ffffff", padding: "12px 16px", fontWeight: 700, fontSize: "18px" };
const button = { backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px" };

export function EmailLayout({ preview, heading, children }: { preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang={currentLocale()}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container>
          <Section style={banner}>{t("service.name")}</Section>
          <Heading as="h1" style={{ fontSize: "24px" }}>
            {heading}
          </Heading>
          {children}
          <Text style={{ color: "#505a5f", fontSize: "14px" }}>{t("language.email.why")}</Text>
          <Text style={{ color: "#505a5f", fontSize: "14px" }}>{t("language.email.footer")}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** "Dear Sam Patel," */
export const Dear = ({ name }: { name: string }) => <Text>{t("email.dear", { name })}</Text>;

/** The email's one action: a green button, and the same link written out for mail clients that hide buttons. */
export function ActionLink({ url, label }: { url: string; label: string }) {
  return (
    <>
      <Button href={url} style={button}>
        {label}
      </Button>
      <Text>{t("email.copyLink", { url })}</Text>
    </>
  );
}
