import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Mianshi 面试",
  description: "Interview flashcards, quizzes and mock interviews from your own notes",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <a className="skip-link" href="#main">
          Skip to content 跳到正文
        </a>
        {children}
      </body>
    </html>
  );
}
