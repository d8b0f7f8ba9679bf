"use client";

// Same friendly error as the rest of the app: a retry, never the error itself.
export { default } from "@/app/error";
