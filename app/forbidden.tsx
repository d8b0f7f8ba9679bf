import Link from "next/link";

export default function Forbidden() {
  return (
    <section className="empty-state" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">Not allowed</h1>
      <p>Your role does not give access to this page. Ask an administrator if you need it.</p>
      <Link href="/">Back to the overview</Link>
    </section>
  );
}
