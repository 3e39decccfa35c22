import { Body, Container, Head, Heading, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const body = { backgroundColor: "#ffffff", fontFamily: "Arial, Helvetica, sans-serif", color: "#0b0c0c" };
const banner = { backgroundColor: "#1d70b8", color: "#ffffff", padding: "12px 16px", fontWeight: 700, fontSize: "18px" };

export function EmailLayout({ preview, heading, children }: { preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container>
          <Section style={banner}>School Improvement Marketplace</Section>
          <Heading as="h1" style={{ fontSize: "24px" }}>
            {heading}
          </Heading>
          {children}
          <Text style={{ color: "#505a5f", fontSize: "14px" }}>
            You are receiving this because of your role in a school-improvement partnership.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
