//! Parsing of the date forms `registeredAt` is compared against, without a
//! date library: `2018-06-18`, `2018-06-18T22:28:28`, `…Z`, `…+00:00` (and
//! fractional seconds). Times without a zone are UTC, as ECS treats them.

/// Seconds since the Unix epoch for an ISO-8601 date or timestamp, or `None`.
pub fn parse_timestamp(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let year = num(b, 0, 4)?;
    expect(b, 4, b'-')?;
    let month = num(b, 5, 2)?;
    expect(b, 7, b'-')?;
    let day = num(b, 8, 2)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut secs = days_from_civil(year, month, day) as f64 * 86_400.0;
    if b.len() == 10 {
        return Some(secs);
    }
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let hour = num(b, 11, 2)?;
    expect(b, 13, b':')?;
    let minute = num(b, 14, 2)?;
    let mut i = 16;
    let mut second = 0.0;
    if b.get(i) == Some(&b':') {
        second = num(b, 17, 2)? as f64;
        i = 19;
        if b.get(i) == Some(&b'.') {
            let start = i + 1;
            let mut end = start;
            while b.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            if end == start {
                return None;
            }
            second += s.get(i..end)?.parse::<f64>().ok()?;
            i = end;
        }
    }
    if hour > 23 || minute > 59 || second >= 61.0 {
        return None;
    }
    secs += (hour * 3600 + minute * 60) as f64 + second;
    match b.get(i) {
        None => Some(secs),
        Some(b'Z' | b'z') if b.len() == i + 1 => Some(secs),
        Some(sign @ (b'+' | b'-')) => {
            let oh = num(b, i + 1, 2)?;
            let (om, len) = if b.get(i + 3) == Some(&b':') {
                (num(b, i + 4, 2)?, 6)
            } else {
                (num(b, i + 3, 2)?, 5)
            };
            if b.len() != i + len || oh > 23 || om > 59 {
                return None;
            }
            let offset = (oh * 3600 + om * 60) as f64;
            // Local time = UTC + offset, so UTC = local - offset.
            Some(if *sign == b'+' {
                secs - offset
            } else {
                secs + offset
            })
        }
        _ => None,
    }
}

fn num(b: &[u8], at: usize, len: usize) -> Option<i64> {
    let digits = b.get(at..at + len)?;
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        digits
            .iter()
            .fold(0i64, |acc, d| acc * 10 + i64::from(d - b'0')),
    )
}

fn expect(b: &[u8], at: usize, c: u8) -> Option<()> {
    (b.get(at) == Some(&c)).then_some(())
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_forms() {
        let table: &[(&str, Option<f64>)] = &[
            ("1970-01-01", Some(0.0)),
            ("2018-06-18", Some(1_529_280_000.0)),
            ("2018-06-18T22:28:28", Some(1_529_360_908.0)),
            ("2018-06-18T22:28:28Z", Some(1_529_360_908.0)),
            ("2018-06-18T22:28:28+00:00", Some(1_529_360_908.0)),
            ("2018-06-18T23:28:28+01:00", Some(1_529_360_908.0)),
            ("2018-06-18T21:28:28-0100", Some(1_529_360_908.0)),
            ("2018-06-18T22:28:28.5Z", Some(1_529_360_908.5)),
            ("2024-02-29", Some(1_709_164_800.0)),
            ("2023-02-29", None),
            ("2018-13-01", None),
            ("2018-06-18T25:00:00", None),
            ("2018-06-18X", None),
            ("2018-6-18", None),
            ("yesterday", None),
            ("", None),
        ];
        for (s, want) in table {
            assert_eq!(parse_timestamp(s), *want, "{s}");
        }
    }
}
