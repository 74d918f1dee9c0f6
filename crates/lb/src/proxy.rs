//! One HTTP request through an application load balancer's listener: rule matching, then
//! a fixed response, a redirect, or a forward to a target over the shared connection pool
//! (with stickiness, `X-Forwarded-*`, WebSocket upgrades, and one retry on another target
//! when a target refuses or drops an idempotent request before answering).
//!
//! Errors are ELB's: 503 when a group has no target to send to or the listener has too
//! many requests pending, 502 when a target refuses, resets or answers garbage, 504 when
//! it does not answer within the load balancer's idle timeout.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use arc_swap::ArcSwap;
use berth_api::lb::{FixedResponse, Protocol, Redirect};
use bytes::Bytes;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::{Method, Request, Response, StatusCode, Uri, Version};
use http_body_util::Either;
use hyper::body::{Body, Frame, Incoming, SizeHint};
use hyper_util::rt::TokioIo;
use tokio::sync::Semaphore;

use crate::balancer::{InFlight, TargetGroupRuntime, TargetRuntime};
use crate::routes::{RequestFacts, RouteAction, RouteTable};
use crate::upstream::{empty_body, Lease, SendError, Upstream, UpstreamBody};

/// What a listener needs per request; swapped whole when its configuration changes.
#[derive(Debug)]
pub struct HttpListenerState {
    pub routes: RouteTable,
    pub idle_timeout: Duration,
    /// The listener's port as an `X-Forwarded-Port` value.
    pub forwarded_port: HeaderValue,
}

impl HttpListenerState {
    pub fn new(routes: RouteTable, idle_timeout: Duration) -> Self {
        let forwarded_port = HeaderValue::from(routes.port);
        Self {
            routes,
            idle_timeout,
            forwarded_port,
        }
    }
}

/// Per-listener state shared by its connections.
#[derive(Debug)]
pub struct HttpShared {
    pub state: ArcSwap<HttpListenerState>,
    pub upstream: Upstream,
    /// Requests waiting on a target; past the limit, 503 at once.
    pub pending: Semaphore,
}

/// Per-connection facts.
#[derive(Debug, Clone)]
pub struct Connection {
    pub peer: SocketAddr,
    pub tls: bool,
    /// The peer's address as an `X-Forwarded-For` value, made once per connection.
    pub client_ip: HeaderValue,
}

impl Connection {
    pub fn new(peer: SocketAddr, tls: bool) -> Self {
        let client_ip = HeaderValue::from_str(&peer.ip().to_canonical().to_string())
            .expect("an IP address is a valid header value");
        Self {
            peer,
            tls,
            client_ip,
        }
    }
}

/// The response body: a target's (holding its in-flight count, and its connection,
/// until the end) or ours.
#[derive(Debug)]
pub enum ProxyBody {
    Upstream {
        body: Incoming,
        in_flight: Option<InFlight>,
        lease: Lease,
    },
    Full(Option<Bytes>),
}

impl Drop for ProxyBody {
    fn drop(&mut self) {
        // A body with nothing to read (HEAD, 204, 304) is never polled to its end.
        if let ProxyBody::Upstream { body, lease, .. } = self {
            if body.is_end_stream() {
                lease.release();
            }
        }
    }
}

impl ProxyBody {
    pub fn full(bytes: impl Into<Bytes>) -> Self {
        ProxyBody::Full(Some(bytes.into()))
    }

    pub fn empty() -> Self {
        ProxyBody::Full(None)
    }
}

impl Body for ProxyBody {
    type Data = Bytes;
    type Error = hyper::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, hyper::Error>>> {
        match self.get_mut() {
            ProxyBody::Upstream {
                body,
                in_flight,
                lease,
            } => {
                let polled = Pin::new(body).poll_frame(cx);
                match &polled {
                    // The response is over: the target no longer has this in flight, and
                    // its connection can serve the next request.
                    Poll::Ready(None) => {
                        in_flight.take();
                        lease.release();
                    }
                    Poll::Ready(Some(Err(_))) => {
                        in_flight.take();
                    }
                    _ => {}
                }
                polled
            }
            ProxyBody::Full(bytes) => Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b)))),
        }
    }

    fn is_end_stream(&self) -> bool {
        match self {
            ProxyBody::Upstream { body, .. } => body.is_end_stream(),
            ProxyBody::Full(bytes) => bytes.is_none(),
        }
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            ProxyBody::Upstream { body, .. } => body.size_hint(),
            ProxyBody::Full(Some(bytes)) => SizeHint::with_exact(bytes.len() as u64),
            ProxyBody::Full(None) => SizeHint::with_exact(0),
        }
    }
}

/// ELB's error page for a status.
pub fn error_response(status: StatusCode) -> Response<ProxyBody> {
    let title = format!(
        "{} {}",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error")
    );
    let body = format!(
        "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n</body>\r\n</html>\r\n"
    );
    let mut response = Response::new(ProxyBody::full(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
    response
}

const AWSALB: &str = "AWSALB";
const AWSALBTG: &str = "AWSALBTG";

/// Serves one request.
pub async fn handle(
    shared: Arc<HttpShared>,
    connection: Arc<Connection>,
    request: Request<Incoming>,
) -> Result<Response<ProxyBody>, Infallible> {
    let state = shared.state.load_full();
    let action = {
        let facts = RequestFacts {
            method: request.method(),
            path: request.uri().path(),
            query: request.uri().query(),
            host: request_host(&request).map(strip_port),
            headers: request.headers(),
            source: connection.peer.ip(),
        };
        state.routes.route(&facts).clone()
    };
    let response = match action.as_ref() {
        RouteAction::Fixed(fixed) => fixed_response(fixed),
        RouteAction::Redirect(redirect) => redirect_response(redirect, &request, &state.routes),
        RouteAction::Forward(forward) => {
            let cookies = StickyCookies::read(request.headers());
            let (group, group_sticky) = forward.pick_group(cookies.group.as_deref());
            let group_cookie = match forward.stickiness_seconds {
                Some(seconds) if !group_sticky => Some((AWSALBTG, group.cookie.clone(), seconds)),
                _ => None,
            };
            let mut response = forward_request(
                &shared,
                &state,
                &connection,
                group,
                cookies.target.as_deref(),
                request,
            )
            .await;
            if let Some((name, value, seconds)) = group_cookie {
                set_cookie(response.headers_mut(), name, &value, seconds);
            }
            response
        }
    };
    Ok(response)
}

/// The host the client asked for: the Host header, else the URI's authority (HTTP/2).
fn request_host<B>(request: &Request<B>) -> Option<&str> {
    request
        .headers()
        .get(header::HOST)
        .and_then(|value| value.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| a.as_str()))
}

/// `host[:port]` or `[v6]:port` without the port.
fn strip_port(host: &str) -> &str {
    if let Some(rest) = host.strip_prefix('[') {
        return rest.split(']').next().unwrap_or(rest);
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

fn fixed_response(fixed: &FixedResponse) -> Response<ProxyBody> {
    let body = fixed.message_body.clone().unwrap_or_default();
    let mut response = Response::new(ProxyBody::full(body));
    *response.status_mut() =
        StatusCode::from_u16(fixed.status_code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let content_type = fixed.content_type.as_deref().unwrap_or("text/plain");
    if let Ok(value) = HeaderValue::from_str(content_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    response
}

/// ELB's redirect: each component defaults to the request's and may use `#{protocol}`,
/// `#{host}`, `#{port}`, `#{path}` (without its leading `/`) and `#{query}`.
fn redirect_response(
    redirect: &Redirect,
    request: &Request<Incoming>,
    routes: &RouteTable,
) -> Response<ProxyBody> {
    let host = request_host(request);
    let request_protocol = match routes.protocol {
        Protocol::Https => "HTTPS",
        _ => "HTTP",
    };
    let request_host = host.map(strip_port).unwrap_or_default();
    let request_port = routes.port.to_string();
    let request_path = request.uri().path();
    let request_path = request_path.strip_prefix('/').unwrap_or(request_path);
    let request_query = request.uri().query().unwrap_or("");
    let substitute = |template: &str| {
        template
            .replace("#{protocol}", request_protocol)
            .replace("#{host}", request_host)
            .replace("#{port}", &request_port)
            .replace("#{path}", request_path)
            .replace("#{query}", request_query)
    };
    let protocol = substitute(redirect.protocol.as_deref().unwrap_or("#{protocol}"));
    let host = substitute(redirect.host.as_deref().unwrap_or("#{host}"));
    let port = substitute(redirect.port.as_deref().unwrap_or("#{port}"));
    let path = substitute(redirect.path.as_deref().unwrap_or("/#{path}"));
    let query = substitute(redirect.query.as_deref().unwrap_or("#{query}"));
    let scheme = protocol.to_ascii_lowercase();
    let default_port = matches!(
        (scheme.as_str(), port.as_str()),
        ("http", "80") | ("https", "443")
    );
    let mut location = format!("{scheme}://{host}");
    if !default_port {
        location.push(':');
        location.push_str(&port);
    }
    if !path.starts_with('/') {
        location.push('/');
    }
    location.push_str(&path);
    if !query.is_empty() {
        location.push('?');
        location.push_str(&query);
    }
    let Ok(location) = HeaderValue::from_str(&location) else {
        return error_response(StatusCode::BAD_REQUEST);
    };
    let mut response = Response::new(ProxyBody::empty());
    *response.status_mut() = if redirect.status_code == 301 {
        StatusCode::MOVED_PERMANENTLY
    } else {
        StatusCode::FOUND
    };
    response.headers_mut().insert(header::LOCATION, location);
    response
}

/// The `AWSALB` and `AWSALBTG` cookies a client sent.
#[derive(Debug, Default)]
struct StickyCookies {
    target: Option<String>,
    group: Option<String>,
}

impl StickyCookies {
    fn read(headers: &HeaderMap) -> Self {
        let mut cookies = Self::default();
        for value in headers.get_all(header::COOKIE) {
            let Ok(value) = value.to_str() else { continue };
            for pair in value.split(';') {
                match pair.trim().split_once('=') {
                    Some((AWSALB, v)) => cookies.target = Some(v.to_owned()),
                    Some((AWSALBTG, v)) => cookies.group = Some(v.to_owned()),
                    _ => {}
                }
            }
        }
        cookies
    }
}

fn set_cookie(headers: &mut HeaderMap, name: &str, value: &str, seconds: u32) {
    if let Ok(value) = HeaderValue::from_str(&format!("{name}={value}; Max-Age={seconds}; Path=/"))
    {
        headers.append(header::SET_COOKIE, value);
    }
}

/// Headers that belong to one connection and are never forwarded.
const HOP_BY_HOP: [HeaderName; 7] = [
    header::CONNECTION,
    HeaderName::from_static("keep-alive"),
    HeaderName::from_static("proxy-connection"),
    header::TE,
    header::TRAILER,
    header::TRANSFER_ENCODING,
    header::UPGRADE,
];

fn strip_hop_by_hop(headers: &mut HeaderMap, keep_upgrade: bool) {
    // Headers the Connection header names are hop-by-hop too.
    if let Some(connection) = headers.get(header::CONNECTION) {
        if let Ok(value) = connection.to_str() {
            let named: Vec<HeaderName> = value
                .split(',')
                .filter_map(|name| HeaderName::from_bytes(name.trim().as_bytes()).ok())
                .filter(|name| !(keep_upgrade && name == header::UPGRADE))
                .collect();
            for name in named {
                headers.remove(name);
            }
        }
    }
    for name in &HOP_BY_HOP {
        if keep_upgrade && (name == header::UPGRADE || name == header::CONNECTION) {
            continue;
        }
        headers.remove(name);
    }
}

fn is_upgrade(request: &Request<Incoming>) -> bool {
    request.version() == Version::HTTP_11
        && request.headers().contains_key(header::UPGRADE)
        && request
            .headers()
            .get(header::CONNECTION)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.split(',')
                    .any(|t| t.trim().eq_ignore_ascii_case("upgrade"))
            })
}

fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::PUT | Method::DELETE
    )
}

const X_FORWARDED_FOR: HeaderName = HeaderName::from_static("x-forwarded-for");
const X_FORWARDED_PROTO: HeaderName = HeaderName::from_static("x-forwarded-proto");
const X_FORWARDED_PORT: HeaderName = HeaderName::from_static("x-forwarded-port");

/// Forwards to a target of `group`, retrying once elsewhere when that is safe.
async fn forward_request(
    shared: &HttpShared,
    state: &HttpListenerState,
    connection: &Connection,
    group: &Arc<TargetGroupRuntime>,
    sticky: Option<&str>,
    mut request: Request<Incoming>,
) -> Response<ProxyBody> {
    let settings = group.settings.load();
    let stickiness = settings.stickiness_seconds;
    let https = settings.protocol == Protocol::Https;
    drop(settings);
    let Some(mut pick) = group.pick(stickiness.and(sticky), None) else {
        return error_response(StatusCode::SERVICE_UNAVAILABLE);
    };
    let Ok(_pending) = shared.pending.try_acquire() else {
        return error_response(StatusCode::SERVICE_UNAVAILABLE);
    };
    let upgrade = is_upgrade(&request);
    let client_upgrade = upgrade.then(|| hyper::upgrade::on(&mut request));
    let (parts, body) = request.into_parts();
    let mut headers = parts.headers;
    strip_hop_by_hop(&mut headers, upgrade);
    if !headers.contains_key(header::HOST) {
        // HTTP/2: the host is the :authority.
        if let Some(authority) = parts.uri.authority() {
            if let Ok(host) = HeaderValue::from_str(authority.as_str()) {
                headers.insert(header::HOST, host);
            }
        }
    }
    let forwarded_for = match headers.get(&X_FORWARDED_FOR).and_then(|v| v.to_str().ok()) {
        Some(earlier) => HeaderValue::from_str(&format!(
            "{earlier}, {}",
            connection.client_ip.to_str().unwrap_or_default()
        ))
        .unwrap_or_else(|_| connection.client_ip.clone()),
        None => connection.client_ip.clone(),
    };
    headers.insert(X_FORWARDED_FOR, forwarded_for);
    headers.insert(
        X_FORWARDED_PROTO,
        HeaderValue::from_static(if connection.tls { "https" } else { "http" }),
    );
    headers.insert(X_FORWARDED_PORT, state.forwarded_port.clone());
    let path_and_query = parts
        .uri
        .path_and_query()
        .cloned()
        .unwrap_or_else(|| http::uri::PathAndQuery::from_static("/"));
    // Only a request with nothing streamed (no body) can be sent twice; a spare copy of
    // its headers rebuilds it if the first target took it and then failed.
    let retryable = !upgrade && is_idempotent(&parts.method) && body.is_end_stream();
    let spare_headers = retryable.then(|| headers.clone());
    let build = |headers: HeaderMap, body: UpstreamBody| {
        let mut upstream = Request::new(body);
        *upstream.method_mut() = parts.method.clone();
        *upstream.uri_mut() = Uri::from(path_and_query.clone());
        *upstream.version_mut() = Version::HTTP_11;
        *upstream.headers_mut() = headers;
        upstream
    };
    let mut request = build(
        headers,
        if retryable {
            empty_body()
        } else {
            Either::Left(body)
        },
    );
    let mut spare_headers = spare_headers;
    let mut attempt = 1;
    let (target, in_flight, mut response, mut lease) = loop {
        let in_flight = InFlight::new(pick.target.clone());
        let sent = tokio::time::timeout(
            state.idle_timeout,
            shared.upstream.send(&pick.target, https, request),
        )
        .await;
        match sent {
            Ok(Ok((response, lease))) => break (pick.target, in_flight, response, lease),
            Ok(Err((err, unsent))) => {
                tracing::debug!(target = %pick.target.address, error = %err, "target failed the request");
                // A refused connection never reached the target; an idempotent request
                // with nothing streamed that got no answer can go elsewhere, once.
                let again = unsent.or_else(|| {
                    spare_headers
                        .take()
                        .map(|headers| build(headers, empty_body()))
                });
                if let (true, 1, Some(again)) = (retryable, attempt, again) {
                    if let Some(next) = group.pick(None, Some(&pick.target.address)) {
                        drop(in_flight);
                        pick = next;
                        request = again;
                        attempt += 1;
                        continue;
                    }
                }
                return error_response(match err {
                    SendError::ConnectTimeout => StatusCode::GATEWAY_TIMEOUT,
                    SendError::Connect(_) | SendError::Failed(_) => StatusCode::BAD_GATEWAY,
                });
            }
            Err(_) => return error_response(StatusCode::GATEWAY_TIMEOUT),
        }
    };
    if response.status() == StatusCode::SWITCHING_PROTOCOLS {
        // The connection now belongs to the tunnel, never to the pool.
        lease.forget();
        if let Some(client_upgrade) = client_upgrade {
            let upstream_upgrade = hyper::upgrade::on(&mut response);
            tokio::spawn(tunnel(
                client_upgrade,
                upstream_upgrade,
                in_flight,
                target.clone(),
            ));
            let (parts, _) = response.into_parts();
            return Response::from_parts(parts, ProxyBody::empty());
        }
        return error_response(StatusCode::BAD_GATEWAY);
    }
    strip_hop_by_hop(response.headers_mut(), false);
    if let Some(seconds) = stickiness {
        if !pick.sticky_hit || attempt > 1 {
            set_cookie(response.headers_mut(), AWSALB, &target.cookie, seconds);
        }
    }
    let (parts, body) = response.into_parts();
    Response::from_parts(
        parts,
        ProxyBody::Upstream {
            body,
            in_flight: Some(in_flight),
            lease,
        },
    )
}

/// Bytes both ways after a 101, until either side closes or the target is drained.
async fn tunnel(
    client: hyper::upgrade::OnUpgrade,
    upstream: hyper::upgrade::OnUpgrade,
    in_flight: InFlight,
    target: Arc<TargetRuntime>,
) {
    let (client, upstream) = match tokio::try_join!(client, upstream) {
        Ok(pair) => pair,
        Err(err) => {
            tracing::debug!(error = %err, "upgrade failed");
            return;
        }
    };
    let mut client = TokioIo::new(client);
    let mut upstream = TokioIo::new(upstream);
    tokio::select! {
        _ = tokio::io::copy_bidirectional(&mut client, &mut upstream) => {}
        _ = target.gone.cancelled() => {}
    }
    drop(in_flight);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_are_stripped_from_hosts() {
        assert_eq!(strip_port("example.com:8080"), "example.com");
        assert_eq!(strip_port("example.com"), "example.com");
        assert_eq!(strip_port("[::1]:80"), "::1");
        assert_eq!(strip_port("[::1]"), "::1");
    }

    #[test]
    fn connection_named_headers_are_removed() {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONNECTION, "keep-alive, x-secret".parse().unwrap());
        headers.insert("x-secret", "1".parse().unwrap());
        headers.insert("keep-alive", "timeout=5".parse().unwrap());
        headers.insert("x-kept", "1".parse().unwrap());
        strip_hop_by_hop(&mut headers, false);
        assert_eq!(headers.len(), 1, "{headers:?}");
        assert!(headers.contains_key("x-kept"));
    }

    #[test]
    fn sticky_cookies_are_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.append(header::COOKIE, "a=1; AWSALB=abc".parse().unwrap());
        headers.append(header::COOKIE, "AWSALBTG=def".parse().unwrap());
        let cookies = StickyCookies::read(&headers);
        assert_eq!(cookies.target.as_deref(), Some("abc"));
        assert_eq!(cookies.group.as_deref(), Some("def"));
    }
}
