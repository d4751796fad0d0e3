"""Parses wrk and hey output and prints the harness's figures (medians of pairs, ratios, targets)."""
import re
import statistics
import sys


def wrk(text):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))

    def ms(label):
        m = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)", text)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return f"{rps:.1f} {ms('50'):.2f} {ms('99'):.2f} {errors.group(1) if errors else 0}"


def rows(path):
    out = []
    for line in open(path):
        label, rps, p50, p99, errors = line.split()
        out.append((label, float(rps), float(p50), float(p99), int(errors)))
    return out


def main():
    command = sys.argv[1]
    if command == "wrk":
        print(wrk(sys.stdin.read()))
    elif command == "median-rps":
        print(statistics.median(r[1] for r in rows(sys.argv[2]) if r[0].startswith(sys.argv[3] + "-")))
    elif command == "pairs":
        data = rows(sys.argv[2])
        base = {r[0].split("-")[2]: r for r in data if r[0].startswith("baseline-feed-")}
        print(f"{'run':<16}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'app/baseline':>14}")
        for page in sys.argv[3:]:
            ratios = []
            for r in [r for r in data if r[0].startswith(f"app-{page}-")]:
                pair = r[0].split("-")[2]
                b = [x for x in data if x[0] == f"baseline-{page}-{pair}"][0]
                ratios.append(r[1] / b[1])
                print(f"{r[0]:<16}{r[1]:>10.1f}{r[2]:>9.2f}{r[3]:>9.2f}{r[4]:>8}{r[1] / b[1]:>14.2f}")
                print(f"{b[0]:<16}{b[1]:>10.1f}{b[2]:>9.2f}{b[3]:>9.2f}{b[4]:>8}")
            target = "  (target ≥ 0.5)" if page == "feed" else "  (against the baseline's feed page)"
            print(f"-> {page}: median app/baseline {statistics.median(ratios):.2f}{target}; "
                  f"median app {statistics.median(r[1] for r in data if r[0].startswith(f'app-{page}-')):.1f} req/s\n")
    elif command == "ratio":
        data = rows(sys.argv[2])
        a, b, label, target = sys.argv[3], sys.argv[4], sys.argv[5], float(sys.argv[6])
        ratios = []
        for r in [r for r in data if r[0].startswith(a + "-")]:
            pair = r[0].split("-")[1]
            other = [x for x in data if x[0] == f"{b}-{pair}"][0]
            ratios.append(r[1] / other[1])
            print(f"pair {pair}: {a} {r[1]:.1f} req/s (p99 {r[3]:.2f} ms), {b} {other[1]:.1f} req/s (p99 {other[3]:.2f} ms), ratio {r[1] / other[1]:.2f}")
        print(f"-> {label}: median ratio {statistics.median(ratios):.2f} (target ≥ {target})")
    elif command == "hey":
        text = sys.stdin.read()
        rate = sys.argv[2]
        p99 = re.search(r"99%+ in ([\d.]+) secs", text)
        p50 = re.search(r"50%+ in ([\d.]+) secs", text)
        rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
        codes = re.findall(r"\[(\d{3})\]\s+(\d+) responses", text)
        print(f"offered {rate} req/s, served {float(rps.group(1)):.1f} req/s, p50 {float(p50.group(1)) * 1000:.2f} ms, "
              f"p99 {float(p99.group(1)) * 1000:.2f} ms (target ≤ 50 ms), status codes {dict(codes)}")


main()
