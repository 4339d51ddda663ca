import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Mianshi 面试",
  description: "Interview flashcards, quizzes and mock interviews from your own notes",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
