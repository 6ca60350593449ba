"""Number spellings used by the clause wording ("twenty-five (25)", "$1,500", "6,500")."""

from __future__ import annotations

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def words(n: int) -> str:
    """English words for 0 <= n < 1,000,000: 25 -> "twenty-five", 120 -> "one hundred twenty"."""
    if n < 0 or n >= 1_000_000 or n != int(n):
        raise ValueError(n)
    n = int(n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + ("-" + _ONES[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _ONES[hundreds] + " hundred" + (" " + words(rest) if rest else "")
    thousands, rest = divmod(n, 1000)
    return words(thousands) + " thousand" + (" " + words(rest) if rest else "")


def cap(text: str) -> str:
    """Capitalise every word: "two hundred eighty-five thousand" -> "Two Hundred Eighty-Five Thousand"."""
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in text.split(" "))


def wp(n: int) -> str:
    """Words with the digits in parentheses: "twenty-five (25)"."""
    return f"{words(n)} ({n})"


def commas(n: int | float) -> str:
    """6500 -> "6,500"; 49.5 -> "49.50"."""
    if float(n).is_integer():
        return f"{int(n):,}"
    return f"{n:,.2f}"


def usd(n: int | float, cents: bool = False) -> str:
    """250000 -> "$250,000"; usd(55, cents=True) -> "$55.00"."""
    if cents or not float(n).is_integer():
        return f"${n:,.2f}"
    return f"${int(n):,}"


def usd_words(n: int) -> str:
    """150000 -> "one hundred fifty thousand dollars ($150,000)"."""
    return f"{words(n)} dollars ({usd(n)})"


def usd_Words(n: int) -> str:
    """285000 -> "Two Hundred Eighty-Five Thousand Dollars ($285,000)"."""
    return f"{cap(words(n))} Dollars ({usd(n)})"


def roman(n: int) -> str:
    """4 -> "IV"."""
    out = []
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def alpha(n: int) -> str:
    """1 -> "a"."""
    return "abcdefghijklmnopqrstuvwxyz"[n - 1]
