// The most used passwords, as data. Source: the UK National Cyber Security Centre's list of the
// 100,000 passwords seen most often in breaches (Have I Been Pwned), PwnedPasswordsTop100k.txt,
// https://www.ncsc.gov.uk/blog-post/passwords-passwords-everywhere — the words and phrases from
// the top of that list. A password of 12 or more characters is refused when it is one of these
// with digits or symbols around it ("Password1234!", "iloveyou2024"), which is how most long
// passwords in such lists are made. NIST SP 800-63B §3.1.1.2 asks for exactly this check.
export const COMMON_PASSWORDS: readonly string[] = [
  "password", "passw0rd", "p@ssword", "p@ssw0rd", "qwerty", "qwertyuiop", "qwertyuiopasdfghjkl", "asdfghjkl", "asdfgh", "zxcvbnm",
  "azerty", "qazwsx", "qwe", "qweasd", "qweasdzxc", "abc", "abcd", "abcdef", "iloveyou", "iloveu", "monkey", "dragon", "princess",
  "sunshine", "football", "baseball", "soccer", "superman", "batman", "shadow", "master", "killer", "letmein", "welcome", "login",
  "admin", "administrator", "root", "secret", "trustno", "whatever", "freedom", "starwars", "pokemon", "computer", "internet",
  "samsung", "michael", "jordan", "jessica", "charlie", "daniel", "ashley", "hello", "hellokitty", "flower", "lovely", "love",
  "loveme", "fuckyou", "liverpool", "chelsea", "arsenal", "cheese", "summer", "winter", "spring", "autumn", "changeme", "default",
  "blastmap", "guest", "test", "testing", "temp", "access", "mustang", "hunter", "ranger", "buster", "tigger", "pepper", "ginger",
  "matrix", "security", "passport", "qwer", "asdf", "zxcv", "aaaa", "abcd1234", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "zaq12wsx",
];
