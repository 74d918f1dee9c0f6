//! The server's key, kept apart from the store, and authenticated encryption with it.
//!
//! Secret values (SSM SecureString parameters, Secrets Manager secrets) are stored sealed,
//! and temporary credentials (STS sessions) carry a sealed session token, so that a copy of
//! the store alone reveals no secret and mints no credential. The key lives in a file of its
//! own (`DIR/berth.key`, mode 0600, made on first start); every server of a cluster must be
//! given the same file.
//!
//! One 32-byte master key is never used directly: each use derives its own key
//! (HMAC-SHA256 of the master over a purpose label), so a ciphertext made for one purpose
//! never opens as another's. Sealing is AES-256-GCM (aws-lc-rs, which rustls already
//! builds) with a random 96-bit nonce, and the caller's associated data binds a ciphertext to
//! the record it belongs to (a secret's ARN, say), so a sealed value moved to another record
//! does not open.

use std::path::Path;

use aws_lc_rs::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

/// The master key's length in bytes.
pub const KEY_LEN: usize = 32;

/// What a derived key is for. Each purpose has its own key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Values of SSM SecureString parameters and Secrets Manager secrets.
    SecretValues,
    /// STS session tokens (temporary credentials).
    SessionTokens,
    /// Opaque pagination and continuation tokens that must not be forged.
    Tokens,
}

impl Purpose {
    fn label(self) -> &'static [u8] {
        match self {
            Purpose::SecretValues => b"berth/secret-values/v1",
            Purpose::SessionTokens => b"berth/session-tokens/v1",
            Purpose::Tokens => b"berth/tokens/v1",
        }
    }
}

/// Why a key file could not be used or a value could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("reading the key file {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("writing the key file {path}: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the key file {path} must hold exactly {KEY_LEN} bytes, not {len}")]
    BadLength { path: String, len: usize },
    #[error("the key file {path} is readable by others (mode {mode:o}); make it 0600")]
    TooOpen { path: String, mode: u32 },
    /// The value was not sealed with this key and purpose, or was altered.
    #[error("the sealed value does not open with this key")]
    Open,
}

/// The server's master key, and the keys derived from it.
pub struct Keyring {
    secret_values: LessSafeKey,
    session_tokens: LessSafeKey,
    tokens: LessSafeKey,
    /// For [`Keyring::mac`]: derived, never the master itself.
    mac_key: [u8; KEY_LEN],
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keyring(<redacted>)")
    }
}

impl Keyring {
    /// Reads the key at `path`, or makes one there (0600, written then renamed, so a crash
    /// never leaves a short key) if there is none.
    pub fn load_or_create(path: &Path) -> Result<Self, CryptoError> {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let shown = path.display().to_string();
        match std::fs::read(path) {
            Ok(bytes) => {
                let mode = std::fs::metadata(path)
                    .map_err(|source| CryptoError::Read {
                        path: shown.clone(),
                        source,
                    })?
                    .permissions()
                    .mode();
                if mode & 0o077 != 0 {
                    return Err(CryptoError::TooOpen {
                        path: shown,
                        mode: mode & 0o777,
                    });
                }
                let master: [u8; KEY_LEN] =
                    bytes
                        .as_slice()
                        .try_into()
                        .map_err(|_| CryptoError::BadLength {
                            path: shown,
                            len: bytes.len(),
                        })?;
                Ok(Self::from_master(&master))
            }
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                let mut master = [0u8; KEY_LEN];
                rand::rngs::OsRng.fill_bytes(&mut master);
                let temp = path.with_extension("key.tmp");
                let write = |source| CryptoError::Write {
                    path: shown.clone(),
                    source,
                };
                {
                    use std::io::Write;
                    let mut file = std::fs::OpenOptions::new()
                        .create(true)
                        .truncate(true)
                        .write(true)
                        .mode(0o600)
                        .open(&temp)
                        .map_err(write)?;
                    file.write_all(&master).map_err(write)?;
                    file.sync_all().map_err(write)?;
                }
                std::fs::rename(&temp, path).map_err(write)?;
                if let Some(dir) = path.parent() {
                    if let Ok(dir) = std::fs::File::open(dir) {
                        let _ = dir.sync_all();
                    }
                }
                Ok(Self::from_master(&master))
            }
            Err(source) => Err(CryptoError::Read {
                path: shown,
                source,
            }),
        }
    }

    /// A keyring over a given master key (tests, and servers sharing a key).
    pub fn from_master(master: &[u8; KEY_LEN]) -> Self {
        let derive = |purpose: &[u8]| -> [u8; KEY_LEN] {
            let mut mac =
                <Hmac<Sha256> as Mac>::new_from_slice(master).expect("HMAC takes any key length");
            mac.update(purpose);
            mac.finalize().into_bytes().into()
        };
        let aead = |purpose: Purpose| {
            let key = derive(purpose.label());
            LessSafeKey::new(
                UnboundKey::new(&AES_256_GCM, &key).expect("a 32-byte key is valid for AES-256"),
            )
        };
        Self {
            secret_values: aead(Purpose::SecretValues),
            session_tokens: aead(Purpose::SessionTokens),
            tokens: aead(Purpose::Tokens),
            mac_key: derive(b"berth/mac/v1"),
        }
    }

    /// A keyring with a fresh random key that lives only in memory.
    pub fn ephemeral() -> Self {
        let mut master = [0u8; KEY_LEN];
        rand::rngs::OsRng.fill_bytes(&mut master);
        Self::from_master(&master)
    }

    fn key(&self, purpose: Purpose) -> &LessSafeKey {
        match purpose {
            Purpose::SecretValues => &self.secret_values,
            Purpose::SessionTokens => &self.session_tokens,
            Purpose::Tokens => &self.tokens,
        }
    }

    /// Encrypts and authenticates `plaintext`, bound to `context` (which is not stored:
    /// the same context must be given to open it). The result is nonce ‖ ciphertext ‖ tag.
    pub fn seal(&self, purpose: Purpose, context: &[u8], plaintext: &[u8]) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let mut out = Vec::with_capacity(NONCE_LEN + plaintext.len() + AES_256_GCM.tag_len());
        out.extend_from_slice(&nonce);
        let mut body = plaintext.to_vec();
        self.key(purpose)
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(context),
                &mut body,
            )
            .expect("sealing in memory cannot fail");
        out.extend_from_slice(&body);
        out
    }

    /// Opens what [`Keyring::seal`] made for the same purpose and context.
    pub fn open(
        &self,
        purpose: Purpose,
        context: &[u8],
        sealed: &[u8],
    ) -> Result<Vec<u8>, CryptoError> {
        if sealed.len() < NONCE_LEN + AES_256_GCM.tag_len() {
            return Err(CryptoError::Open);
        }
        let (nonce, body) = sealed.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| CryptoError::Open)?;
        let mut body = body.to_vec();
        let plain = self
            .key(purpose)
            .open_in_place(nonce, Aad::from(context), &mut body)
            .map_err(|_| CryptoError::Open)?;
        Ok(plain.to_vec())
    }

    /// An HMAC-SHA256 of `data` under a derived key: for values that must be checkable but
    /// need not be secret (opaque tokens, deterministic secrets derived from an id).
    pub fn mac(&self, data: &[u8]) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.mac_key)
            .expect("HMAC takes any key length");
        mac.update(data);
        mac.finalize().into_bytes().into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_with_the_same_key_purpose_and_context() {
        let keyring = Keyring::from_master(&[7; KEY_LEN]);
        let sealed = keyring.seal(Purpose::SecretValues, b"arn:a", b"s3cret");
        assert!(!sealed.windows(6).any(|w| w == b"s3cret"));
        assert_eq!(
            keyring
                .open(Purpose::SecretValues, b"arn:a", &sealed)
                .unwrap(),
            b"s3cret"
        );
        assert!(keyring
            .open(Purpose::SecretValues, b"arn:b", &sealed)
            .is_err());
        assert!(keyring
            .open(Purpose::SessionTokens, b"arn:a", &sealed)
            .is_err());
        let other = Keyring::from_master(&[8; KEY_LEN]);
        assert!(other
            .open(Purpose::SecretValues, b"arn:a", &sealed)
            .is_err());
        let mut tampered = sealed.clone();
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        assert!(keyring
            .open(Purpose::SecretValues, b"arn:a", &tampered)
            .is_err());
        assert!(keyring
            .open(Purpose::SecretValues, b"arn:a", b"short")
            .is_err());
    }

    #[test]
    fn two_seals_of_one_value_differ() {
        let keyring = Keyring::ephemeral();
        let a = keyring.seal(Purpose::Tokens, b"", b"x");
        let b = keyring.seal(Purpose::Tokens, b"", b"x");
        assert_ne!(a, b);
    }

    #[test]
    fn the_key_file_is_made_once_private_and_reused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("berth.key");
        let first = Keyring::load_or_create(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let sealed = first.seal(Purpose::SecretValues, b"c", b"v");
        let again = Keyring::load_or_create(&path).unwrap();
        assert_eq!(
            again.open(Purpose::SecretValues, b"c", &sealed).unwrap(),
            b"v"
        );

        std::fs::write(&path, b"short").unwrap();
        assert!(matches!(
            Keyring::load_or_create(&path),
            Err(CryptoError::BadLength { len: 5, .. })
        ));
        std::fs::write(&path, [0u8; KEY_LEN]).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(
            Keyring::load_or_create(&path),
            Err(CryptoError::TooOpen { .. })
        ));
    }
}
