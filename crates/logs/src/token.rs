//! Opaque pagination tokens. A token is a small binary record, tagged with
//! its kind, authenticated with HMAC-SHA256 (truncated to 128 bits) under a
//! key kept in the data directory (so tokens survive restarts), and encoded
//! as URL-safe base64. Anything that does not decode, has the wrong kind or
//! a wrong MAC is [`LogError::InvalidToken`]; nothing in a token is trusted
//! before its MAC is checked, and decoding is bounds-checked throughout.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::codec::{ByteReader, ByteWriter};
use crate::error::{LogError, Result};

const MAC_BYTES: usize = 16;
/// No token the engine issues is longer; longer input is refused unread.
const MAX_TOKEN_CHARS: usize = 8192;

/// What a token is for; a token of one kind is refused by the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum TokenKind {
    Forward = 1,
    Backward = 2,
    Filter = 3,
    Groups = 4,
    Streams = 5,
}

pub(crate) struct TokenKey([u8; 32]);

impl TokenKey {
    pub(crate) fn new(bytes: [u8; 32]) -> Self {
        TokenKey(bytes)
    }

    fn mac(&self, data: &[u8]) -> [u8; MAC_BYTES] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("any key length");
        mac.update(data);
        let full = mac.finalize().into_bytes();
        full[..MAC_BYTES].try_into().expect("16 bytes")
    }

    /// Seals `payload` as a token of `kind`.
    pub(crate) fn seal(&self, kind: TokenKind, payload: &ByteWriter) -> String {
        let mut data = Vec::with_capacity(1 + payload.0.len() + MAC_BYTES);
        data.push(kind as u8);
        data.extend_from_slice(&payload.0);
        let mac = self.mac(&data);
        data.extend_from_slice(&mac);
        URL_SAFE_NO_PAD.encode(data)
    }

    /// Checks a token of `kind` and returns its payload.
    pub(crate) fn open(&self, kind: TokenKind, token: &str) -> Result<Vec<u8>> {
        if token.len() > MAX_TOKEN_CHARS {
            return Err(LogError::InvalidToken("it is too long"));
        }
        let data = URL_SAFE_NO_PAD
            .decode(token)
            .map_err(|_| LogError::InvalidToken("it is not a token this service issued"))?;
        if data.len() < 1 + MAC_BYTES {
            return Err(LogError::InvalidToken("it is too short"));
        }
        let (signed, mac) = data.split_at(data.len() - MAC_BYTES);
        let expected = self.mac(signed);
        // Constant time is not needed for secrecy here (tokens hold no
        // secrets), only integrity; a plain compare is fine.
        if mac != expected {
            return Err(LogError::InvalidToken("it was altered or issued elsewhere"));
        }
        if signed[0] != kind as u8 {
            return Err(LogError::InvalidToken(
                "it belongs to a different operation",
            ));
        }
        Ok(signed[1..].to_vec())
    }
}

/// Parses a payload with `parse`, refusing trailing bytes.
pub(crate) fn parse_payload<T>(
    payload: &[u8],
    parse: impl FnOnce(&mut ByteReader<'_>) -> Option<T>,
) -> Result<T> {
    let mut reader = ByteReader(payload);
    match parse(&mut reader) {
        Some(value) if reader.is_empty() => Ok(value),
        _ => Err(LogError::InvalidToken("its contents are malformed")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_refuse_tampering() {
        let key = TokenKey::new([7; 32]);
        let mut payload = ByteWriter::default();
        payload.u64(42).i64(-1);
        let token = key.seal(TokenKind::Filter, &payload);
        let opened = key.open(TokenKind::Filter, &token).unwrap();
        let (a, b) = parse_payload(&opened, |r| Some((r.u64()?, r.i64()?))).unwrap();
        assert_eq!((a, b), (42, -1));

        assert!(key.open(TokenKind::Forward, &token).is_err());
        assert!(TokenKey::new([8; 32])
            .open(TokenKind::Filter, &token)
            .is_err());
        for (i, c) in token.char_indices() {
            let replacement = if c == 'A' { 'B' } else { 'A' };
            let mut bad = token.clone();
            bad.replace_range(i..i + 1, &replacement.to_string());
            assert!(
                key.open(TokenKind::Filter, &bad).is_err(),
                "changed char {i}"
            );
        }
        for bad in [
            "",
            "!!!",
            "AAAA",
            &"A".repeat(5000),
            &token[..token.len() - 1],
        ] {
            assert!(key.open(TokenKind::Filter, bad).is_err(), "{bad}");
        }
        // Trailing or missing payload bytes are refused, not misread.
        assert!(parse_payload(&opened, |r| r.u64()).is_err());
        assert!(parse_payload(&opened, |r| Some((r.u64()?, r.i64()?, r.u8()?))).is_err());
    }
}
