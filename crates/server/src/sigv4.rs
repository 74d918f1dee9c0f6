//! AWS Signature Version 4: verifying signed requests, and signing them for berth's own
//! tools and tests.
//!
//! The ECS API is only usable with the stock aws CLI, boto3 and the AWS SDKs if berth checks
//! their signatures exactly as AWS does, so this module rebuilds the canonical request the
//! way those clients build it (the rules of the AWS signing test suite, double-encoded
//! normalised paths as for every service but S3) and compares signatures in constant time.
//!
//! Everything here is pure: no I/O, no clock. [`verify`] takes the request head, the whole
//! body, a [`CredentialLookup`], a [`VerifyConfig`] and the current time, and returns the
//! authenticated access key or a [`SigV4Error`] whose [`SigV4Error::code`] and `Display`
//! text are what AWS would answer. [`sign`] shares the canonicalisation code, so a request
//! it signs is one [`verify`] accepts.
//!
//! Choices worth knowing:
//! - Both the `Authorization` header and the presigned query-string form are accepted.
//! - The body is always covered: the payload hash is computed from the body; an
//!   `x-amz-content-sha256` header, if sent, must equal it, and `UNSIGNED-PAYLOAD` (or any
//!   `STREAMING-*` value) is refused. Both failures are `InvalidSignatureException`, the code
//!   AWS JSON services use (`XAmzContentSHA256Mismatch` is S3's and ECS clients don't know it).
//! - `host`, the date header used, and `x-amz-target` / `x-amz-content-sha256` when present
//!   must be signed. An unsigned `x-amz-security-token` is tolerated (signers may omit it, as
//!   the test suite's `post-sts-header-after` case does); session tokens are not checked.

use std::fmt;
use std::time::Duration;

use hmac::{Hmac, Mac};
use http::header::{AUTHORIZATION, HOST};
use http::request::Parts;
use http::{HeaderMap, HeaderName, HeaderValue, Method, Uri};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use time::format_description::FormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

use berth_api::{ApiError, ErrorCode};

/// The only algorithm SigV4 (as opposed to SigV4a) defines.
pub const ALGORITHM: &str = "AWS4-HMAC-SHA256";
/// The last element of every credential scope.
pub const TERMINATOR: &str = "aws4_request";
/// The `x-amz-content-sha256` value that opts out of body signing; refused here.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
/// How far a request's clock may be from ours, as AWS allows.
pub const DEFAULT_MAX_SKEW: Duration = Duration::from_secs(5 * 60);
/// The longest validity a presigned request may ask for (one week), as AWS allows.
pub const MAX_PRESIGNED_EXPIRES: u64 = 604_800;

const X_AMZ_DATE: &str = "x-amz-date";
const X_AMZ_TARGET: &str = "x-amz-target";
const X_AMZ_CONTENT_SHA256: &str = "x-amz-content-sha256";
const X_AMZ_SECURITY_TOKEN: &str = "x-amz-security-token";
const DATE: &str = "date";

/// Headers [`sign`] leaves out because proxies and HTTP stacks change them in flight; the
/// same list the AWS SDK for Rust uses.
const UNSIGNED_HEADERS: &[&str] = &[
    "authorization",
    "user-agent",
    "x-amzn-trace-id",
    "transfer-encoding",
];

/// RFC 3986 unreserved characters stay; everything else is `%XX`-encoded.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');
/// Paths keep their slashes.
const PATH_SET: &AsciiSet = &UNRESERVED.remove(b'/');

const AMZ_DATE_FORMAT: &[FormatItem<'static>] =
    format_description!("[year][month][day]T[hour][minute][second]Z");
/// RFC 7231 IMF-fixdate, the only `Date` header form signers produce.
const HTTP_DATE_FORMAT: &[FormatItem<'static>] = format_description!(
    "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
);

type HmacSha256 = Hmac<Sha256>;

/// An access key and its secret.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub access_key_id: String,
    pub secret_access_key: String,
}

impl Credentials {
    pub fn new(access_key_id: impl Into<String>, secret_access_key: impl Into<String>) -> Self {
        Self {
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
        }
    }
}

impl fmt::Debug for Credentials {
    // The secret must never reach a log line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .finish()
    }
}

/// Where [`verify`] finds the secret for an access key id. `None` means the key is unknown.
pub trait CredentialLookup {
    fn secret_for(&self, access_key_id: &str) -> Option<String>;
}

impl<F> CredentialLookup for F
where
    F: Fn(&str) -> Option<String>,
{
    fn secret_for(&self, access_key_id: &str) -> Option<String> {
        self(access_key_id)
    }
}

/// A single key pair knows only itself.
impl CredentialLookup for Credentials {
    fn secret_for(&self, access_key_id: &str) -> Option<String> {
        (self.access_key_id == access_key_id).then(|| self.secret_access_key.clone())
    }
}

impl CredentialLookup for [Credentials] {
    fn secret_for(&self, access_key_id: &str) -> Option<String> {
        self.iter().find_map(|c| c.secret_for(access_key_id))
    }
}

impl CredentialLookup for Vec<Credentials> {
    fn secret_for(&self, access_key_id: &str) -> Option<String> {
        self.as_slice().secret_for(access_key_id)
    }
}

/// What a request must be scoped to, and how much clock skew is tolerated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyConfig {
    /// The region clients are configured with, e.g. `us-east-1`.
    pub region: String,
    /// The signing name of the service: `ecs`.
    pub service: String,
    /// How far the request's date may be from `now`, either way.
    pub max_skew: Duration,
}

impl VerifyConfig {
    /// The ECS configuration for `region`, with AWS's five minutes of skew.
    pub fn ecs(region: impl Into<String>) -> Self {
        Self {
            region: region.into(),
            service: "ecs".to_owned(),
            max_skew: DEFAULT_MAX_SKEW,
        }
    }
}

/// A request whose signature checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub access_key_id: String,
}

/// Why a request was refused. `Display` is the message for the user; [`SigV4Error::code`]
/// is the AWS exception name. Variants that AWS reports with one code share it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SigV4Error {
    /// Neither an `Authorization` header nor a presigned query string.
    #[error("Missing Authentication Token")]
    MissingAuthentication,
    /// The access key is not one berth knows.
    #[error("The security token included in the request is invalid.")]
    UnrecognizedClient,
    /// More than one `Authorization` header.
    #[error("The request must contain exactly one 'Authorization' header.")]
    MultipleAuthorizationHeaders,
    /// An `Authorization` header and a query-string signature at once.
    #[error(
        "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the \
         Authorization header should be specified."
    )]
    AmbiguousAuthentication,
    /// The `Authorization` header is not text.
    #[error("The 'Authorization' header must contain only visible ASCII characters.")]
    AuthorizationNotText,
    #[error(
        "Unsupported AWS 'algorithm': '{algorithm}'. berth accepts only 'AWS4-HMAC-SHA256' \
         (Signature Version 4)."
    )]
    UnsupportedAlgorithm { algorithm: String },
    /// A component of the `Authorization` header has no `=`.
    #[error(
        "'{component}' not a valid key=value pair (missing equal-sign) in Authorization \
         header: '{authorization}'."
    )]
    InvalidComponent {
        component: String,
        authorization: String,
    },
    #[error("Authorization header contains '{name}' more than once: '{authorization}'.")]
    DuplicateComponent { name: String, authorization: String },
    /// `missing` lists `Credential`, `SignedHeaders` and/or `Signature`.
    #[error("{}Authorization={authorization}", requires_list(missing))]
    MissingComponents {
        missing: Vec<&'static str>,
        authorization: String,
    },
    /// A presigned query string without some of its `X-Amz-*` parameters.
    #[error(
        "AWS query-string parameters must include {}. Re-examine the query-string parameters.",
        quoted_list(missing)
    )]
    MissingQueryParameters { missing: Vec<&'static str> },
    #[error(
        "Credential must have exactly 5 slash-delimited elements, e.g. \
         keyid/date/region/service/term, got '{credential}'"
    )]
    MalformedCredential { credential: String },
    #[error(
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
    )]
    MissingDate,
    #[error(
        "The request date '{value}' is not valid: use X-Amz-Date in the ISO 8601 basic format \
         YYYYMMDD'T'HHMMSS'Z' (e.g. 20150830T123600Z), or an RFC 7231 Date header."
    )]
    InvalidDate { value: String },
    #[error(
        "X-Amz-Expires must be a whole number of seconds from 1 to 604800 (one week), \
         got '{value}'."
    )]
    InvalidExpires { value: String },
    #[error(
        "Credential should be scoped with a valid terminator: 'aws4_request', not '{terminator}'."
    )]
    WrongTerminator { terminator: String },
    #[error(
        "Credential should be scoped to a valid region. This endpoint serves '{expected}' but \
         the request was signed for '{region}'; set the client's region to '{expected}'."
    )]
    WrongRegion { region: String, expected: String },
    #[error("Credential should be scoped to correct service: '{expected}'. (The request was signed for '{service}'.)")]
    WrongService { service: String, expected: String },
    #[error(
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from \
         HTTP: '{scope_date}' != '{request_day}', from '{request_date}'."
    )]
    ScopeDateMismatch {
        scope_date: String,
        request_day: String,
        request_date: String,
    },
    /// The request is older than the allowed skew. Times are `YYYYMMDD'T'HHMMSS'Z'`.
    #[error(
        "Signature expired: {request_date} is now earlier than {earliest} ({now} - {skew}.) \
         Check that the client's clock is correct."
    )]
    SignatureExpired {
        request_date: String,
        earliest: String,
        now: String,
        skew: String,
    },
    /// The request is dated further in the future than the allowed skew.
    #[error(
        "Signature not yet current: {request_date} is still later than {latest} ({now} + {skew}.) \
         Check that the client's clock is correct."
    )]
    SignatureNotYetCurrent {
        request_date: String,
        latest: String,
        now: String,
        skew: String,
    },
    /// A presigned request used after its `X-Amz-Expires`.
    #[error(
        "Request has expired: it was signed at {request_date} for {expires_secs} seconds, \
         until {expired_at}, and it is now {now}."
    )]
    PresignedExpired {
        request_date: String,
        expires_secs: u64,
        expired_at: String,
        now: String,
    },
    #[error("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")]
    HostNotSigned,
    /// A header that must be covered by the signature is sent but not in `SignedHeaders`.
    #[error("'{header}' must be a 'SignedHeader' in the AWS Authorization when it is sent.")]
    HeaderNotSigned { header: String },
    #[error("'{header}' is listed in SignedHeaders but the request does not contain it.")]
    SignedHeaderMissing { header: String },
    #[error("Header '{header}' contains bytes that are not UTF-8, so it cannot be signed.")]
    NonUtf8Header { header: String },
    #[error(
        "This service requires the request body to be signed; 'x-amz-content-sha256: {value}' \
         is not accepted. Send the hex SHA-256 of the body, or omit the header."
    )]
    UnsignedPayload { value: String },
    #[error("The provided 'x-amz-content-sha256' header does not match what was computed.")]
    PayloadHashMismatch { claimed: String, computed: String },
    /// The signatures differ. The canonical request (with any session token redacted) and
    /// the string to sign are kept for the server's logs, to debug a client that signs
    /// differently; the user sees AWS's standard text.
    #[error(
        "The request signature we calculated does not match the signature you provided. \
         Check your AWS Secret Access Key and signing method. Consult the service \
         documentation for details."
    )]
    SignatureMismatch {
        canonical_request: String,
        string_to_sign: String,
    },
}

fn requires_list(missing: &[&'static str]) -> String {
    missing
        .iter()
        .map(|name| format!("Authorization header requires '{name}' parameter. "))
        .collect()
}

fn quoted_list(missing: &[&'static str]) -> String {
    missing
        .iter()
        .map(|name| format!("'{name}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl SigV4Error {
    /// The AWS exception name (`__type`) for this failure.
    pub fn code(&self) -> &'static str {
        self.error_code().as_str()
    }

    /// The same, as berth's wire error code (which also knows the HTTP status).
    pub fn error_code(&self) -> ErrorCode {
        use SigV4Error::*;
        match self {
            MissingAuthentication => ErrorCode::MissingAuthenticationTokenException,
            UnrecognizedClient => ErrorCode::UnrecognizedClientException,
            MultipleAuthorizationHeaders
            | AmbiguousAuthentication
            | AuthorizationNotText
            | UnsupportedAlgorithm { .. }
            | InvalidComponent { .. }
            | DuplicateComponent { .. }
            | MissingComponents { .. }
            | MissingQueryParameters { .. }
            | MalformedCredential { .. }
            | MissingDate
            | InvalidDate { .. }
            | InvalidExpires { .. } => ErrorCode::IncompleteSignatureException,
            WrongTerminator { .. }
            | WrongRegion { .. }
            | WrongService { .. }
            | ScopeDateMismatch { .. }
            | SignatureExpired { .. }
            | SignatureNotYetCurrent { .. }
            | PresignedExpired { .. }
            | HostNotSigned
            | HeaderNotSigned { .. }
            | SignedHeaderMissing { .. }
            | NonUtf8Header { .. }
            | UnsignedPayload { .. }
            | PayloadHashMismatch { .. }
            | SignatureMismatch { .. } => ErrorCode::InvalidSignatureException,
        }
    }

    /// The error as it goes on the wire.
    pub fn to_api_error(&self) -> ApiError {
        ApiError::new(self.error_code(), self.to_string())
    }
}

/// Checks the SigV4 signature of a request and returns the access key that signed it.
///
/// `body` must be the complete body as received. `now` is the server's clock; passing it in
/// keeps this function deterministic for tests.
pub fn verify<L>(
    parts: &Parts,
    body: &[u8],
    lookup: &L,
    cfg: &VerifyConfig,
    now: OffsetDateTime,
) -> Result<Verified, SigV4Error>
where
    L: CredentialLookup + ?Sized,
{
    let claim = parse_claim(&parts.uri, &parts.headers)?;

    if claim.scope.terminator != TERMINATOR {
        return Err(SigV4Error::WrongTerminator {
            terminator: claim.scope.terminator,
        });
    }
    if claim.scope.region != cfg.region {
        return Err(SigV4Error::WrongRegion {
            region: claim.scope.region,
            expected: cfg.region.clone(),
        });
    }
    if claim.scope.service != cfg.service {
        return Err(SigV4Error::WrongService {
            service: claim.scope.service,
            expected: cfg.service.clone(),
        });
    }

    let request_day = claim.date.amz.get(..8).unwrap_or_default();
    if claim.scope.date != request_day {
        return Err(SigV4Error::ScopeDateMismatch {
            scope_date: claim.scope.date,
            request_day: request_day.to_owned(),
            request_date: claim.date.amz,
        });
    }
    check_time(&claim, cfg.max_skew, now)?;
    check_required_signed_headers(&claim, &parts.headers)?;
    let payload_hash = payload_hash(&parts.headers, body)?;

    let secret = lookup
        .secret_for(&claim.scope.access_key_id)
        .ok_or(SigV4Error::UnrecognizedClient)?;

    let exclude = match claim.location {
        Location::Header => None,
        Location::Query { .. } => Some("X-Amz-Signature"),
    };
    let canonical_request = build_canonical_request(
        &parts.method,
        &parts.uri,
        &parts.headers,
        &claim.signed_headers,
        &payload_hash,
        true,
        exclude,
    )?;
    let scope = claim.scope.to_scope_string();
    let string_to_sign = string_to_sign(&claim.date.amz, &scope, &canonical_request);
    let key = signing_key(
        &secret,
        &claim.scope.date,
        &claim.scope.region,
        &claim.scope.service,
    );
    let expected = hmac(&key, string_to_sign.as_bytes());

    // Decoding the claimed signature (either hex case) and comparing bytes in constant time
    // keeps the comparison from leaking how much of a forged signature was right.
    let provided = decode_signature(&claim.signature);
    let matches = provided.is_some_and(|p| bool::from(p.ct_eq(&expected)));
    if !matches {
        return Err(SigV4Error::SignatureMismatch {
            canonical_request: redact_token(&canonical_request),
            string_to_sign,
        });
    }
    Ok(Verified {
        access_key_id: claim.scope.access_key_id,
    })
}

/// The region and service a request's signature claims to be scoped to, read before anything
/// is checked, so that the caller can tell which API the request is for.
pub fn claimed_scope(parts: &Parts) -> Result<(String, String), SigV4Error> {
    let claim = parse_claim(&parts.uri, &parts.headers)?;
    Ok((claim.scope.region, claim.scope.service))
}

/// The session token sent with a request: the `X-Amz-Security-Token` header, or the query
/// parameter of that name in a presigned request.
pub fn session_token(parts: &Parts) -> Option<String> {
    if let Some(value) = parts.headers.get(X_AMZ_SECURITY_TOKEN) {
        return value.to_str().ok().map(str::to_owned);
    }
    query_pairs(parts.uri.query().unwrap_or_default())
        .into_iter()
        .find(|(k, _)| k == "X-Amz-Security-Token")
        .map(|(_, v)| v)
}

/// The canonical request with any session token blanked, since it is kept for logs.
fn redact_token(canonical_request: &str) -> String {
    canonical_request
        .split('\n')
        .map(|line| {
            if line.starts_with("x-amz-security-token:") {
                "x-amz-security-token:<redacted>"
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn decode_signature(hex_sig: &str) -> Option<[u8; 32]> {
    let mut out = [0u8; 32];
    hex::decode_to_slice(hex_sig, &mut out).ok()?;
    Some(out)
}

/// How [`sign`] should sign.
#[derive(Debug, Clone)]
pub struct SigningParams<'a> {
    pub credentials: &'a Credentials,
    /// Sent and signed as `X-Amz-Security-Token` when set.
    pub session_token: Option<&'a str>,
    pub region: &'a str,
    pub service: &'a str,
    pub time: OffsetDateTime,
    /// Remove `.`/`..` segments and repeated slashes before encoding the path. Every service
    /// but S3 does this, and [`verify`] always expects it; `false` exists for test vectors.
    pub normalize_path: bool,
}

impl<'a> SigningParams<'a> {
    pub fn new(
        credentials: &'a Credentials,
        region: &'a str,
        service: &'a str,
        time: OffsetDateTime,
    ) -> Self {
        Self {
            credentials,
            session_token: None,
            region,
            service,
            time,
            normalize_path: true,
        }
    }
}

/// What [`sign`] computed, for callers that want to show or check the intermediate steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    /// The `Authorization` header value that was set.
    pub authorization: String,
    pub canonical_request: String,
    pub string_to_sign: String,
    /// Lowercase hex.
    pub signature: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error("cannot sign a request that has neither a Host header nor an absolute URI")]
    MissingHost,
    #[error("a value to be signed cannot be put in a header")]
    InvalidHeaderValue(#[from] http::header::InvalidHeaderValue),
    #[error("the request cannot be canonicalised")]
    Canonical(#[from] SigV4Error),
}

/// Signs a request in place with the `Authorization` header: sets `X-Amz-Date` (and
/// `X-Amz-Security-Token` when given, and `Host` from the URI if missing), then signs every
/// header except those proxies rewrite, with the body's SHA-256 as the payload hash.
pub fn sign(
    parts: &mut Parts,
    body: &[u8],
    params: &SigningParams<'_>,
) -> Result<Signed, SignError> {
    let amz_date = format_amz_date(params.time);
    parts.headers.remove(AUTHORIZATION);
    parts
        .headers
        .insert(X_AMZ_DATE, HeaderValue::from_str(&amz_date)?);
    if let Some(token) = params.session_token {
        parts
            .headers
            .insert(X_AMZ_SECURITY_TOKEN, HeaderValue::from_str(token)?);
    }
    if !parts.headers.contains_key(HOST) {
        let authority = parts.uri.authority().ok_or(SignError::MissingHost)?;
        parts
            .headers
            .insert(HOST, HeaderValue::from_str(authority.as_str())?);
    }

    let mut names: Vec<&str> = parts
        .headers
        .keys()
        .map(HeaderName::as_str)
        .filter(|name| !UNSIGNED_HEADERS.contains(name))
        .collect();
    names.sort_unstable();
    names.dedup();
    let signed_headers: Vec<String> = names.into_iter().map(str::to_owned).collect();

    let payload_hash = sha256_hex(body);
    let canonical_request = build_canonical_request(
        &parts.method,
        &parts.uri,
        &parts.headers,
        &signed_headers,
        &payload_hash,
        params.normalize_path,
        None,
    )?;
    let day = amz_date.get(..8).unwrap_or_default();
    let scope = format!("{day}/{}/{}/{TERMINATOR}", params.region, params.service);
    let string_to_sign = string_to_sign(&amz_date, &scope, &canonical_request);
    let key = signing_key(
        &params.credentials.secret_access_key,
        day,
        params.region,
        params.service,
    );
    let signature = hex::encode(hmac(&key, string_to_sign.as_bytes()));
    let authorization = format!(
        "{ALGORITHM} Credential={}/{scope}, SignedHeaders={}, Signature={signature}",
        params.credentials.access_key_id,
        signed_headers.join(";"),
    );
    parts
        .headers
        .insert(AUTHORIZATION, HeaderValue::from_str(&authorization)?);
    Ok(Signed {
        authorization,
        canonical_request,
        string_to_sign,
        signature,
    })
}

/// The canonical request for a header-signed request: `signed_headers` is the
/// semicolon-separated `SignedHeaders` list, `payload_hash` the hex SHA-256 of the body.
pub fn canonical_request(
    parts: &Parts,
    signed_headers: &str,
    payload_hash: &str,
    normalize_path: bool,
) -> Result<String, SigV4Error> {
    let names: Vec<String> = signed_headers.split(';').map(str::to_owned).collect();
    build_canonical_request(
        &parts.method,
        &parts.uri,
        &parts.headers,
        &names,
        payload_hash,
        normalize_path,
        None,
    )
}

/// `AWS4-HMAC-SHA256\n<amz date>\n<scope>\n<hex sha256 of the canonical request>`.
pub fn string_to_sign(amz_date: &str, scope: &str, canonical_request: &str) -> String {
    format!(
        "{ALGORITHM}\n{amz_date}\n{scope}\n{}",
        sha256_hex(canonical_request.as_bytes())
    )
}

/// The key derived from the secret for one day, region and service.
pub fn signing_key(secret: &str, day: &str, region: &str, service: &str) -> [u8; 32] {
    let k_date = hmac(format!("AWS4{secret}").as_bytes(), day.as_bytes());
    let k_region = hmac(&k_date, region.as_bytes());
    let k_service = hmac(&k_region, service.as_bytes());
    hmac(&k_service, TERMINATOR.as_bytes())
}

/// Lowercase hex SHA-256, the payload-hash format.
pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// `YYYYMMDD'T'HHMMSS'Z'` in UTC, the `X-Amz-Date` format.
pub fn format_amz_date(time: OffsetDateTime) -> String {
    let utc = time.to_offset(UtcOffset::UTC);
    // Formatting only fails for years outside 0..=9999, which no clock produces; fall back
    // to an obviously wrong date rather than panic.
    utc.format(AMZ_DATE_FORMAT)
        .unwrap_or_else(|_| "00000000T000000Z".to_owned())
}

fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    // HMAC takes keys of any length, so this cannot fail; the fallback only satisfies the
    // type system without a panic path.
    let Ok(mut mac) = HmacSha256::new_from_slice(key) else {
        return [0; 32];
    };
    mac.update(data);
    mac.finalize().into_bytes().into()
}

/// What the request claims about its own signature, before any of it is trusted.
struct Claim {
    location: Location,
    scope: Scope,
    /// `SignedHeaders`, as listed (lowercase names, `;`-separated on the wire).
    signed_headers: Vec<String>,
    signature: String,
    date: RequestDate,
}

enum Location {
    Header,
    Query { expires: u64 },
}

struct Scope {
    access_key_id: String,
    date: String,
    region: String,
    service: String,
    terminator: String,
}

impl Scope {
    fn parse(credential: &str) -> Result<Self, SigV4Error> {
        let parts: Vec<&str> = credential.split('/').collect();
        match parts.as_slice() {
            [key, date, region, service, terminator] if parts.iter().all(|p| !p.is_empty()) => {
                Ok(Self {
                    access_key_id: (*key).to_owned(),
                    date: (*date).to_owned(),
                    region: (*region).to_owned(),
                    service: (*service).to_owned(),
                    terminator: (*terminator).to_owned(),
                })
            }
            _ => Err(SigV4Error::MalformedCredential {
                credential: credential.to_owned(),
            }),
        }
    }

    fn to_scope_string(&self) -> String {
        format!(
            "{}/{}/{}/{}",
            self.date, self.region, self.service, self.terminator
        )
    }
}

struct RequestDate {
    time: OffsetDateTime,
    /// The `YYYYMMDD'T'HHMMSS'Z'` form that goes in the string to sign.
    amz: String,
    /// The header the date came from, which must then be signed (`None` for query form).
    header: Option<&'static str>,
}

fn parse_claim(uri: &Uri, headers: &HeaderMap) -> Result<Claim, SigV4Error> {
    let mut auth_headers = headers.get_all(AUTHORIZATION).iter();
    let auth = auth_headers.next();
    if auth_headers.next().is_some() {
        return Err(SigV4Error::MultipleAuthorizationHeaders);
    }
    let query = query_pairs(uri.query().unwrap_or_default());
    let query_signed = query
        .iter()
        .any(|(k, _)| matches!(k.as_str(), "X-Amz-Algorithm" | "X-Amz-Signature"));
    match auth {
        Some(_) if query_signed => Err(SigV4Error::AmbiguousAuthentication),
        Some(value) => parse_header_claim(value, headers),
        None if query_signed => parse_query_claim(&query),
        None => Err(SigV4Error::MissingAuthentication),
    }
}

fn parse_header_claim(value: &HeaderValue, headers: &HeaderMap) -> Result<Claim, SigV4Error> {
    let authorization = value
        .to_str()
        .map_err(|_| SigV4Error::AuthorizationNotText)?
        .trim();
    let (algorithm, rest) = authorization.split_once(' ').unwrap_or((authorization, ""));
    if algorithm != ALGORITHM {
        return Err(SigV4Error::UnsupportedAlgorithm {
            algorithm: algorithm.to_owned(),
        });
    }

    let mut credential = None;
    let mut signed_headers = None;
    let mut signature = None;
    for component in rest.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        let Some((name, value)) = component.split_once('=') else {
            return Err(SigV4Error::InvalidComponent {
                component: component.to_owned(),
                authorization: authorization.to_owned(),
            });
        };
        let slot = match name.trim() {
            "Credential" => &mut credential,
            "SignedHeaders" => &mut signed_headers,
            "Signature" => &mut signature,
            // Unknown components are ignored, as AWS does.
            _ => continue,
        };
        if slot.replace(value.trim()).is_some() {
            return Err(SigV4Error::DuplicateComponent {
                name: name.trim().to_owned(),
                authorization: authorization.to_owned(),
            });
        }
    }
    let (Some(credential), Some(signed_headers), Some(signature)) =
        (credential, signed_headers, signature)
    else {
        let missing = [
            ("Credential", credential.is_none()),
            ("Signature", signature.is_none()),
            ("SignedHeaders", signed_headers.is_none()),
        ]
        .into_iter()
        .filter_map(|(name, absent)| absent.then_some(name))
        .collect();
        return Err(SigV4Error::MissingComponents {
            missing,
            authorization: authorization.to_owned(),
        });
    };

    let scope = Scope::parse(credential)?;
    let date = header_date(headers)?;
    Ok(Claim {
        location: Location::Header,
        scope,
        signed_headers: signed_headers.split(';').map(str::to_owned).collect(),
        signature: signature.to_owned(),
        date,
    })
}

fn header_date(headers: &HeaderMap) -> Result<RequestDate, SigV4Error> {
    if let Some(value) = single_header(headers, X_AMZ_DATE)? {
        let time = parse_amz_date(value).ok_or_else(|| SigV4Error::InvalidDate {
            value: value.to_owned(),
        })?;
        return Ok(RequestDate {
            time,
            amz: value.to_owned(),
            header: Some(X_AMZ_DATE),
        });
    }
    if let Some(value) = single_header(headers, DATE)? {
        let time = PrimitiveDateTime::parse(value, HTTP_DATE_FORMAT)
            .map(PrimitiveDateTime::assume_utc)
            .map_err(|_| SigV4Error::InvalidDate {
                value: value.to_owned(),
            })?;
        return Ok(RequestDate {
            time,
            amz: format_amz_date(time),
            header: Some(DATE),
        });
    }
    Err(SigV4Error::MissingDate)
}

/// The one value of a date header, trimmed; two values make the date ambiguous.
fn single_header<'h>(headers: &'h HeaderMap, name: &str) -> Result<Option<&'h str>, SigV4Error> {
    let mut values = headers.get_all(name).iter();
    let Some(first) = values.next() else {
        return Ok(None);
    };
    let text = first.to_str().ok().map(str::trim);
    match (text, values.next()) {
        (Some(text), None) => Ok(Some(text)),
        _ => Err(SigV4Error::InvalidDate {
            value: String::from_utf8_lossy(first.as_bytes()).into_owned(),
        }),
    }
}

fn parse_amz_date(value: &str) -> Option<OffsetDateTime> {
    // The format parser alone would accept signs and short fields; SigV4 dates are exactly
    // 16 characters.
    let well_formed = value.len() == 16
        && value.bytes().enumerate().all(|(i, b)| match i {
            8 => b == b'T',
            15 => b == b'Z',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return None;
    }
    PrimitiveDateTime::parse(value, AMZ_DATE_FORMAT)
        .ok()
        .map(PrimitiveDateTime::assume_utc)
}

fn parse_query_claim(query: &[(String, String)]) -> Result<Claim, SigV4Error> {
    const PARAMS: [&str; 6] = [
        "X-Amz-Algorithm",
        "X-Amz-Credential",
        "X-Amz-Date",
        "X-Amz-Expires",
        "X-Amz-SignedHeaders",
        "X-Amz-Signature",
    ];
    let mut found: [Option<&str>; 6] = [None; 6];
    for (key, value) in query {
        if let Some(i) = PARAMS.iter().position(|p| p == key) {
            if found[i].replace(value).is_some() {
                return Err(SigV4Error::DuplicateComponent {
                    name: key.clone(),
                    authorization: "(query string)".to_owned(),
                });
            }
        }
    }
    let [Some(algorithm), Some(credential), Some(date), Some(expires), Some(signed_headers), Some(signature)] =
        found
    else {
        let missing = PARAMS
            .iter()
            .zip(found)
            .filter_map(|(name, value)| value.is_none().then_some(*name))
            .collect();
        return Err(SigV4Error::MissingQueryParameters { missing });
    };
    if algorithm != ALGORITHM {
        return Err(SigV4Error::UnsupportedAlgorithm {
            algorithm: algorithm.to_owned(),
        });
    }
    let scope = Scope::parse(credential)?;
    let time = parse_amz_date(date).ok_or_else(|| SigV4Error::InvalidDate {
        value: date.to_owned(),
    })?;
    let expires = expires
        .parse::<u64>()
        .ok()
        .filter(|e| (1..=MAX_PRESIGNED_EXPIRES).contains(e))
        .ok_or_else(|| SigV4Error::InvalidExpires {
            value: expires.to_owned(),
        })?;
    Ok(Claim {
        location: Location::Query { expires },
        scope,
        signed_headers: signed_headers.split(';').map(str::to_owned).collect(),
        signature: signature.to_owned(),
        date: RequestDate {
            time,
            amz: date.to_owned(),
            header: None,
        },
    })
}

fn check_time(claim: &Claim, max_skew: Duration, now: OffsetDateTime) -> Result<(), SigV4Error> {
    let skew = time::Duration::try_from(max_skew).unwrap_or(time::Duration::MAX);
    let request = claim.date.time;
    // `checked_*` because an absurd configured skew must not overflow into a panic; when
    // the bound itself is out of range, nothing can be beyond it.
    if let Some(latest) = now.checked_add(skew) {
        if request > latest {
            return Err(SigV4Error::SignatureNotYetCurrent {
                request_date: claim.date.amz.clone(),
                latest: format_amz_date(latest),
                now: format_amz_date(now),
                skew: describe_skew(max_skew),
            });
        }
    }
    match claim.location {
        Location::Header => {
            if let Some(earliest) = now.checked_sub(skew) {
                if request < earliest {
                    return Err(SigV4Error::SignatureExpired {
                        request_date: claim.date.amz.clone(),
                        earliest: format_amz_date(earliest),
                        now: format_amz_date(now),
                        skew: describe_skew(max_skew),
                    });
                }
            }
        }
        Location::Query { expires } => {
            // `expires` is at most a week, so this cannot overflow for a parsed date.
            let expired_at = request.checked_add(time::Duration::seconds(expires as i64));
            if let Some(expired_at) = expired_at.filter(|at| now > *at) {
                return Err(SigV4Error::PresignedExpired {
                    request_date: claim.date.amz.clone(),
                    expires_secs: expires,
                    expired_at: format_amz_date(expired_at),
                    now: format_amz_date(now),
                });
            }
        }
    }
    Ok(())
}

fn describe_skew(skew: Duration) -> String {
    let secs = skew.as_secs();
    if secs.is_multiple_of(60) {
        format!("{} min", secs / 60)
    } else {
        format!("{secs} sec")
    }
}

fn check_required_signed_headers(claim: &Claim, headers: &HeaderMap) -> Result<(), SigV4Error> {
    let signed = |name: &str| {
        claim
            .signed_headers
            .iter()
            .any(|s| s.eq_ignore_ascii_case(name))
    };
    if !signed("host") {
        return Err(SigV4Error::HostNotSigned);
    }
    let must_sign = [
        claim.date.header,
        Some(X_AMZ_TARGET),
        Some(X_AMZ_CONTENT_SHA256),
    ];
    for name in must_sign.into_iter().flatten() {
        if headers.contains_key(name) && !signed(name) {
            return Err(SigV4Error::HeaderNotSigned {
                header: name.to_owned(),
            });
        }
    }
    Ok(())
}

/// The hex SHA-256 of the body, after checking any `x-amz-content-sha256` claim against it.
fn payload_hash(headers: &HeaderMap, body: &[u8]) -> Result<String, SigV4Error> {
    let computed = sha256_hex(body);
    for value in headers.get_all(X_AMZ_CONTENT_SHA256) {
        let claimed = String::from_utf8_lossy(value.as_bytes()).trim().to_owned();
        if claimed == UNSIGNED_PAYLOAD || claimed.starts_with("STREAMING-") {
            return Err(SigV4Error::UnsignedPayload { value: claimed });
        }
        if !claimed.eq_ignore_ascii_case(&computed) {
            return Err(SigV4Error::PayloadHashMismatch { claimed, computed });
        }
    }
    Ok(computed)
}

/// The canonical request, shared by [`sign`] and [`verify`] so that they cannot disagree.
///
/// `exclude_query` drops one query parameter (the presigned form's `X-Amz-Signature`).
fn build_canonical_request(
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    signed_headers: &[String],
    payload_hash: &str,
    normalize_path: bool,
    exclude_query: Option<&str>,
) -> Result<String, SigV4Error> {
    let mut out = String::with_capacity(256);
    out.push_str(method.as_str());
    out.push('\n');
    out.push_str(&canonical_uri(uri.path(), normalize_path));
    out.push('\n');
    out.push_str(&canonical_query(
        uri.query().unwrap_or_default(),
        exclude_query,
    ));
    out.push('\n');
    for name in signed_headers {
        out.push_str(name);
        out.push(':');
        canonical_header_value(name, uri, headers, &mut out)?;
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&signed_headers.join(";"));
    out.push('\n');
    out.push_str(payload_hash);
    Ok(out)
}

/// The path as non-S3 signers canonicalise it: normalised, then every byte outside the
/// unreserved set and `/` encoded. The path is taken as sent (already percent-encoded), so
/// `%` itself is encoded again: the "double encoding" every service but S3 expects.
fn canonical_uri(path: &str, normalize: bool) -> String {
    let path = if path.is_empty() { "/" } else { path };
    let normalized;
    let path = if normalize && (path.contains("//") || path.contains('.')) {
        normalized = normalize_path(path);
        normalized.as_str()
    } else {
        path
    };
    utf8_percent_encode(path, PATH_SET).to_string()
}

/// RFC 3986 §5.2.4 dot-segment removal, plus collapsing empty segments, keeping a
/// trailing slash.
fn normalize_path(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    let mut out = String::with_capacity(path.len());
    for segment in &segments {
        out.push('/');
        out.push_str(segment);
    }
    let trailing = ["/", "/.", "/..", "/./", "/../"]
        .iter()
        .any(|end| path.ends_with(end));
    if out.is_empty() || trailing {
        out.push('/');
    }
    out
}

/// Query parameters decoded as `application/x-www-form-urlencoded`, in order.
fn query_pairs(query: &str) -> Vec<(String, String)> {
    let decode = |s: &str| {
        // `+` means space in a form-encoded query; decode it before the `%XX` escapes so
        // that an encoded `%2B` stays a plus sign.
        let spaced = s.replace('+', " ");
        percent_decode_str(&spaced).decode_utf8_lossy().into_owned()
    };
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key), decode(value))
        })
        .collect()
}

/// Decoded, re-encoded with the unreserved set, sorted by key then value, `&`-joined.
fn canonical_query(query: &str, exclude: Option<&str>) -> String {
    let mut pairs: Vec<(String, String)> = query_pairs(query)
        .into_iter()
        .filter(|(key, _)| Some(key.as_str()) != exclude)
        .map(|(key, value)| {
            (
                utf8_percent_encode(&key, UNRESERVED).to_string(),
                utf8_percent_encode(&value, UNRESERVED).to_string(),
            )
        })
        .collect();
    pairs.sort();
    let mut out = String::new();
    for (i, (key, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
        out.push_str(value);
    }
    out
}

/// Appends the values of `name`, each trimmed with inner runs of spaces collapsed, joined by
/// commas. `host` falls back to the URI's authority, which is where HTTP/2 carries it.
fn canonical_header_value(
    name: &str,
    uri: &Uri,
    headers: &HeaderMap,
    out: &mut String,
) -> Result<(), SigV4Error> {
    let mut values = headers.get_all(name).iter().peekable();
    if values.peek().is_none() {
        return match uri.authority() {
            Some(authority) if name.eq_ignore_ascii_case("host") => {
                out.push_str(authority.as_str());
                Ok(())
            }
            _ => Err(SigV4Error::SignedHeaderMissing {
                header: name.to_owned(),
            }),
        };
    }
    for (i, value) in values.enumerate() {
        if i > 0 {
            out.push(',');
        }
        let text =
            std::str::from_utf8(value.as_bytes()).map_err(|_| SigV4Error::NonUtf8Header {
                header: name.to_owned(),
            })?;
        push_trimmed(text, out);
    }
    Ok(())
}

/// SigV4's "trimall": strip leading and trailing spaces, collapse runs of spaces to one.
fn push_trimmed(value: &str, out: &mut String) {
    let mut previous_space = false;
    for c in value.trim_matches(' ').chars() {
        if c == ' ' {
            if !previous_space {
                out.push(' ');
            }
            previous_space = true;
        } else {
            out.push(c);
            previous_space = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_normalisation_matches_the_signing_rules() {
        let cases = [
            ("/", "/"),
            ("", "/"),
            ("//", "/"),
            ("/./", "/"),
            ("/example/..", "/"),
            ("/example1/example2/../..", "/"),
            ("/./example", "/example"),
            ("//example//", "/example/"),
            ("/a/b/.", "/a/b/"),
            ("/../a", "/a"),
            ("/a/./b/../c", "/a/c"),
        ];
        for (input, expected) in cases {
            assert_eq!(canonical_uri(input, true), expected, "{input:?}");
        }
        assert_eq!(canonical_uri("//example//", false), "//example//");
    }

    #[test]
    fn path_encoding_double_encodes_percent() {
        assert_eq!(canonical_uri("/a%3Ab", true), "/a%253Ab");
        assert_eq!(canonical_uri("/ሴ", true), "/%E1%88%B4");
        assert_eq!(canonical_uri("/-._~AZaz09", true), "/-._~AZaz09");
        assert_eq!(canonical_uri("/a:b@c", true), "/a%3Ab%40c");
    }

    #[test]
    fn query_is_decoded_reencoded_and_sorted() {
        assert_eq!(canonical_query("", None), "");
        assert_eq!(canonical_query("b=2&a=1&a=0", None), "a=0&a=1&b=2");
        assert_eq!(canonical_query("key", None), "key=");
        assert_eq!(canonical_query("a=x%2Fy&c=d+e", None), "a=x%2Fy&c=d%20e");
        assert_eq!(canonical_query("a=%2B", None), "a=%2B");
        assert_eq!(
            canonical_query("X-Amz-Signature=abc&z=1", Some("X-Amz-Signature")),
            "z=1"
        );
        // Sorting is on the encoded form, so uppercase sorts before lowercase.
        assert_eq!(canonical_query("a=1&B=2", None), "B=2&a=1");
    }

    #[test]
    fn header_values_are_trimmed_and_spaces_collapsed() {
        let mut out = String::new();
        push_trimmed("  a   b  c  ", &mut out);
        assert_eq!(out, "a b c");
        let mut out = String::new();
        // Only spaces are collapsed; a tab is content.
        push_trimmed("a\t\tb", &mut out);
        assert_eq!(out, "a\t\tb");
    }

    #[test]
    fn amz_dates_must_be_exactly_basic_iso8601() {
        assert!(parse_amz_date("20150830T123600Z").is_some());
        for bad in [
            "",
            "2015-08-30T12:36:00Z",
            "20150830T123600",
            "20151330T123600Z",
            "+0150830T123600Z",
            "20150830t123600Z",
            "20150830T126000Z",
        ] {
            assert!(parse_amz_date(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn http_date_header_parses() {
        let time = PrimitiveDateTime::parse("Sun, 30 Aug 2015 12:36:00 GMT", HTTP_DATE_FORMAT)
            .map(PrimitiveDateTime::assume_utc);
        assert_eq!(
            time.map(format_amz_date).ok().as_deref(),
            Some("20150830T123600Z")
        );
    }

    #[test]
    fn signing_key_matches_the_aws_documentation_example() {
        // From the AWS "deriving the signing key" example.
        let key = signing_key(
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            "20120215",
            "us-east-1",
            "iam",
        );
        assert_eq!(
            hex::encode(key),
            "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"
        );
    }

    #[test]
    fn credentials_debug_hides_the_secret() {
        let creds = Credentials::new("AKID", "very-secret");
        assert!(!format!("{creds:?}").contains("very-secret"));
    }

    #[test]
    fn missing_components_message_lists_each_in_aws_style() {
        let err = SigV4Error::MissingComponents {
            missing: vec!["Credential", "Signature"],
            authorization: "AWS4-HMAC-SHA256 SignedHeaders=host".to_owned(),
        };
        assert_eq!(
            err.to_string(),
            "Authorization header requires 'Credential' parameter. Authorization header \
             requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256 SignedHeaders=host"
        );
        assert_eq!(err.code(), "IncompleteSignatureException");
    }
}
