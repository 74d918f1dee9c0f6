//! etcd-only tests, against real members (Debian's `etcd`): what the shared
//! conformance suite cannot show. An unreachable etcd, a member lost from
//! three and then quorum lost, a watch feed cut off while etcd compacts, ranges
//! larger than a gRPC message, TLS with client certificates, and user and
//! password authentication. They skip without etcd unless
//! `BERTH_REQUIRE_ETCD=1`.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use berth_store::testing::etcd::{EtcdCluster, MemberTls};
use berth_store::{
    EtcdConfig, EtcdStore, EtcdTls, EventKind, Op, Revision, Store, StoreError, StoreExt, Txn,
    WatchBatch, MAX_VALUE_BYTES,
};
use futures::stream::BoxStream;
use futures::StreamExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;
use tokio::time::Instant;

const DEADLINE: Duration = Duration::from_secs(30);

type Watch = BoxStream<'static, Result<WatchBatch, StoreError>>;

async fn next(watch: &mut Watch) -> Result<WatchBatch, StoreError> {
    tokio::time::timeout(DEADLINE, watch.next())
        .await
        .expect("watch produced nothing before the deadline")
        .expect("watch ended")
}

/// Keys and revisions of the next `n` events.
async fn events(watch: &mut Watch, n: usize) -> Vec<(String, Revision)> {
    let mut seen = Vec::new();
    while seen.len() < n {
        let batch = next(watch).await.expect("watch failed");
        seen.extend(
            batch
                .events
                .iter()
                .map(|e| (e.kv.key.clone(), e.revision())),
        );
    }
    assert_eq!(seen.len(), n, "more events than expected");
    seen
}

/// Polls `check` until it returns `Some`, at most [`DEADLINE`].
async fn wait_for<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + DEADLINE;
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

#[tokio::test]
async fn unreachable_etcd_is_unavailable_within_the_timeout() {
    let mut config = EtcdConfig::new([format!("127.0.0.1:{}", free_port())]);
    config.request_timeout = Duration::from_secs(2);
    config.connect_timeout = Duration::from_secs(1);
    let started = Instant::now();
    match EtcdStore::connect(config).await {
        Err(StoreError::Unavailable(message)) => {
            assert!(message.contains("etcd"), "says what is down: {message}");
        }
        Err(other) => panic!("expected Unavailable, got {other}"),
        Ok(_) => panic!("connected to nothing"),
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "gave up in {:?}, not at the 2 s timeout",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_member_lost_of_three_is_survived_and_quorum_loss_fails_cleanly() {
    let Some(mut cluster) = EtcdCluster::for_tests(3).await else {
        return;
    };
    // Writes in flight to a follower when the leader dies wait, inside etcd,
    // for a new leader: the default 10 s deadline covers an election on a
    // loaded machine. A second client with a short deadline shows how
    // quickly a quorum loss is reported.
    let store = EtcdStore::connect(cluster.config("/ha"))
        .await
        .expect("connect");
    let mut quick_config = cluster.config("/ha");
    quick_config.request_timeout = Duration::from_secs(3);
    let quick = EtcdStore::connect(quick_config).await.expect("connect");
    let start = store.current_revision().await.expect("revision");
    let mut watch: Watch = store.watch("", start);

    store.put("before", b"1".to_vec()).await.expect("put");
    cluster.kill(0);
    // Every write lands: requests that met the dead member are retried on
    // the others, which elect a leader if it was the one.
    for i in 0..20 {
        store
            .put(&format!("one-down/{i:02}"), b"v".to_vec())
            .await
            .unwrap_or_else(|e| panic!("write {i} with one member down: {e}"));
    }
    let (kvs, _) = store.range("one-down/").await.expect("range");
    assert_eq!(kvs.len(), 20);

    cluster.kill(1);
    let started = Instant::now();
    let txn = Txn::new()
        .and_then(Op::put("split/a", b"1".to_vec()))
        .and_then(Op::put("split/b", b"2".to_vec()))
        .and_then(Op::put("split/c", b"3".to_vec()));
    let failed = quick.txn(txn).await;
    let elapsed = started.elapsed();
    match &failed {
        Err(err @ (StoreError::Unavailable(message) | StoreError::Indeterminate(message))) => {
            assert!(message.contains("etcd"), "a clear error: {err}");
            eprintln!("without quorum, after {elapsed:?}: {err}");
        }
        other => panic!("expected the write to fail without quorum, got {other:?}"),
    }
    assert!(
        elapsed < Duration::from_secs(10),
        "failed after {elapsed:?}"
    );
    // Reads need a quorum too (they are linearizable).
    assert!(matches!(
        quick.get("before").await,
        Err(StoreError::Unavailable(_))
    ));

    cluster.restart(0).await.expect("restart member 0");
    cluster.restart(1).await.expect("restart member 1");
    let after = wait_for("writes after quorum returns", || {
        let store = &store;
        async move { store.put("after", b"1".to_vec()).await.ok() }
    })
    .await;
    // All or nothing: the failed txn is whole or absent.
    let (split, _) = store.range("split/").await.expect("range");
    assert!(
        split.is_empty() || split.len() == 3,
        "half-written txn: {split:?}"
    );
    // The watch went on through both outages without a gap or a repeat.
    let expected = 1 + 20 + split.len() + 1;
    let seen = events(&mut watch, expected).await;
    assert_eq!(seen.first().map(|e| e.0.as_str()), Some("before"));
    assert_eq!(seen.last(), Some(&("after".to_string(), after)));
    assert!(seen.windows(2).all(|w| w[0].1 <= w[1].1), "in order");
    let keys: std::collections::BTreeSet<_> = seen.iter().map(|e| e.0.clone()).collect();
    assert_eq!(keys.len(), expected, "no event twice");
}

/// A TCP proxy that can be cut (its listener and connections closed) and
/// restored on the same port: a network partition between one client and
/// etcd.
struct Proxy {
    port: u16,
    target: String,
    accept: Mutex<Option<JoinHandle<()>>>,
    conns: Arc<Mutex<Vec<JoinHandle<()>>>>,
    open: Arc<AtomicBool>,
}

impl Proxy {
    async fn start(target: String) -> Arc<Self> {
        let proxy = Arc::new(Self {
            port: free_port(),
            target,
            accept: Mutex::new(None),
            conns: Arc::new(Mutex::new(Vec::new())),
            open: Arc::new(AtomicBool::new(false)),
        });
        proxy.restore().await;
        proxy
    }

    async fn restore(&self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port))
            .await
            .expect("rebind the proxy port");
        self.open.store(true, Ordering::SeqCst);
        let (target, conns, open) = (self.target.clone(), self.conns.clone(), self.open.clone());
        let accept = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                if !open.load(Ordering::SeqCst) {
                    continue;
                }
                let target = target.clone();
                let conn = tokio::spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect(&target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                conns.lock().expect("lock").push(conn);
            }
        });
        *self.accept.lock().expect("lock") = Some(accept);
    }

    fn cut(&self) {
        self.open.store(false, Ordering::SeqCst);
        if let Some(accept) = self.accept.lock().expect("lock").take() {
            accept.abort();
        }
        for conn in self.conns.lock().expect("lock").drain(..) {
            conn.abort();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feed_cut_off_past_a_compaction_makes_watchers_relist() {
    let Some(cluster) = EtcdCluster::for_tests(1).await else {
        return;
    };
    let proxy = Proxy::start(cluster.endpoint(0)).await;
    let mut cut_config = EtcdConfig::new([format!("127.0.0.1:{}", proxy.port)]);
    cut_config.prefix = "/c".into();
    cut_config.request_timeout = Duration::from_secs(2);
    let cut_off = EtcdStore::connect(cut_config)
        .await
        .expect("connect via proxy");
    let writer = EtcdStore::connect(cluster.config("/c"))
        .await
        .expect("connect");

    let first = writer.put("k/1", b"1".to_vec()).await.expect("put");
    let mut watch: Watch = cut_off.watch("k/", first - 1);
    assert_eq!(
        events(&mut watch, 1).await,
        vec![("k/1".to_string(), first)]
    );

    proxy.cut();
    // Cut off, the store says so instead of hanging.
    assert!(matches!(
        cut_off.get("k/1").await,
        Err(StoreError::Unavailable(_))
    ));
    let mut last = first;
    for i in 2..=5 {
        last = writer
            .put(&format!("k/{i}"), vec![b'0' + i])
            .await
            .expect("put");
    }
    // Compact etcd's history past what the cut-off feed needs next.
    let mut raw = etcd_client::Client::connect([cluster.endpoint(0)], None)
        .await
        .expect("raw client");
    raw.compact(last + 1, None).await.expect("compact");
    proxy.restore().await;

    // The watcher is told to re-list, at a revision that covers the gap...
    let oldest = match next(&mut watch).await {
        Err(StoreError::Compacted { requested, oldest }) => {
            assert_eq!(requested, first);
            assert!(
                oldest >= last,
                "resumes at {oldest}, after the gap ending {last}"
            );
            oldest
        }
        other => panic!("expected Compacted, got {other:?}"),
    };
    // ...re-lists and watches from there, missing nothing.
    let (kvs, at) = cut_off.range("k/").await.expect("range");
    assert!(at >= oldest);
    assert_eq!(kvs.len(), 5);
    let mut watch: Watch = cut_off.watch("k/", at);
    let sixth = writer.put("k/6", b"6".to_vec()).await.expect("put");
    assert_eq!(
        events(&mut watch, 1).await,
        vec![("k/6".to_string(), sixth)]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ranges_larger_than_a_grpc_message_are_one_snapshot() {
    let Some(cluster) = EtcdCluster::for_tests(1).await else {
        return;
    };
    let store = Arc::new(
        EtcdStore::connect(cluster.config("/big"))
            .await
            .expect("connect"),
    );
    // 8 MiB in 8 values, beyond gRPC's 4 MiB default, and 600 small keys
    // over three pages.
    for i in 0..8 {
        store
            .put(&format!("r/big/{i}"), vec![b'x'; MAX_VALUE_BYTES])
            .await
            .expect("put a large value");
    }
    for chunk in 0..6 {
        let txn = (0..100).fold(Txn::new(), |t, i| {
            t.and_then(Op::put(
                format!("r/small/{:03}", chunk * 100 + i),
                vec![b'y'; 512],
            ))
        });
        store.txn(txn).await.expect("txn");
    }
    // A writer adds keys while the range pages: the range must hold exactly
    // those written at or before its revision.
    let written: Arc<Mutex<BTreeMap<String, Revision>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let background = {
        let (store, written, stop) = (store.clone(), written.clone(), stop.clone());
        tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(Ordering::SeqCst) {
                let key = format!("r/small/new-{i:05}");
                let rev = store.put(&key, b"n".to_vec()).await.expect("put");
                written.lock().expect("lock").insert(key, rev);
                i += 1;
            }
        })
    };
    wait_for("the background writer", || {
        let written = written.clone();
        async move { (written.lock().expect("lock").len() >= 3).then_some(()) }
    })
    .await;
    let (kvs, at) = store.range("r/").await.expect("range");
    stop.store(true, Ordering::SeqCst);
    background.await.expect("writer");
    let big: usize = kvs
        .iter()
        .filter(|kv| kv.key.starts_with("r/big/"))
        .map(|kv| kv.value.len())
        .sum();
    assert_eq!(big, 8 * MAX_VALUE_BYTES);
    let newer: Vec<_> = written
        .lock()
        .expect("lock")
        .iter()
        .filter(|(_, rev)| **rev <= at)
        .map(|(k, _)| k.clone())
        .collect();
    assert_eq!(
        kvs.len(),
        8 + 600 + newer.len(),
        "exactly the snapshot at {at}"
    );
    assert!(kvs.iter().all(|kv| kv.mod_revision <= at));
    let keys: Vec<_> = kvs.iter().map(|kv| kv.key.clone()).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

/// A CA, a serving certificate for 127.0.0.1 and a client certificate, as
/// PEM files in `dir`.
fn certificates(dir: &std::path::Path) -> (MemberTls, EtcdTls) {
    use rcgen::{
        BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    };
    let write = |name: &str, pem: String| {
        let path = dir.join(name);
        std::fs::write(&path, pem).expect("write pem");
        path
    };
    let ca_key = KeyPair::generate().expect("key");
    let mut ca = CertificateParams::default();
    ca.distinguished_name
        .push(DnType::CommonName, "etcd test CA");
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_cert = ca.self_signed(&ca_key).expect("CA");
    let ca_path = write("ca.pem", ca_cert.pem());
    let issuer = Issuer::new(ca, ca_key);

    let server_key = KeyPair::generate().expect("key");
    let mut server = CertificateParams::new(vec!["127.0.0.1".to_string()]).expect("params");
    server.extended_key_usages = vec![
        ExtendedKeyUsagePurpose::ServerAuth,
        ExtendedKeyUsagePurpose::ClientAuth,
    ];
    let server_cert = server.signed_by(&server_key, &issuer).expect("server cert");

    let client_key = KeyPair::generate().expect("key");
    let mut client = CertificateParams::new(Vec::new()).expect("params");
    client.distinguished_name.push(DnType::CommonName, "berth");
    client.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    let client_cert = client.signed_by(&client_key, &issuer).expect("client cert");

    let client_tls = EtcdTls {
        ca: ca_path.clone(),
        client: Some((
            write("client.pem", client_cert.pem()),
            write("client-key.pem", client_key.serialize_pem()),
        )),
    };
    let member = MemberTls {
        cert: write("server.pem", server_cert.pem()),
        key: write("server-key.pem", server_key.serialize_pem()),
        trusted_ca: ca_path,
        client_cert_auth: true,
        client: client_tls.clone(),
    };
    (member, client_tls)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_with_a_client_certificate_from_the_url() {
    let Some(binary) = berth_store::testing::etcd::etcd_binary() else {
        return;
    };
    let certs = tempfile::tempdir().expect("temp dir");
    let (member, client) = certificates(certs.path());
    let cluster = EtcdCluster::start_with(&binary, 1, Some(member))
        .await
        .expect("etcd with TLS");
    let (cert, key) = client.client.clone().expect("client cert");
    let url = format!(
        "etcd://{}?prefix=/tls&ca={}&cert={}&key={}&timeout=3",
        cluster.endpoint(0),
        client.ca.display(),
        cert.display(),
        key.display()
    );
    let store = EtcdStore::connect(EtcdConfig::parse(&url).expect("url"))
        .await
        .expect("connect with TLS");
    let rev = store.put("k", b"over TLS".to_vec()).await.expect("put");
    let kv = store.get("k").await.expect("get").expect("present");
    assert_eq!(
        (kv.value.as_slice(), kv.mod_revision),
        (&b"over TLS"[..], rev)
    );

    // Without the client certificate, the members refuse the connection.
    let url = format!(
        "etcd://{}?ca={}&timeout=2",
        cluster.endpoint(0),
        client.ca.display()
    );
    let refused = EtcdStore::connect(EtcdConfig::parse(&url).expect("url")).await;
    assert!(refused.is_err(), "connected without a client certificate");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_and_password_from_the_url() {
    let Some(cluster) = EtcdCluster::for_tests(1).await else {
        return;
    };
    let mut admin = etcd_client::Client::connect([cluster.endpoint(0)], None)
        .await
        .expect("client");
    admin.user_add("root", "root-pw", None).await.expect("root");
    admin.user_grant_role("root", "root").await.expect("grant");
    admin.role_add("berth").await.expect("role");
    admin
        .role_grant_permission(
            "berth",
            etcd_client::Permission::read_write("/auth").with_prefix(),
        )
        .await
        .expect("permission");
    admin.user_add("berth", "s3cret", None).await.expect("user");
    admin
        .user_grant_role("berth", "berth")
        .await
        .expect("grant");
    admin.auth_enable().await.expect("enable auth");

    let url = format!(
        "etcd://berth:s3cret@{}?prefix=/auth&timeout=3",
        cluster.endpoint(0)
    );
    let store = EtcdStore::connect(EtcdConfig::parse(&url).expect("url"))
        .await
        .expect("connect as berth");
    let rev = store.put("k", b"v".to_vec()).await.expect("put");
    let mut watch: Watch = store.watch("", rev - 1);
    let batch = next(&mut watch).await.expect("watch");
    assert_eq!(batch.events[0].kind, EventKind::Put);

    let url = format!(
        "etcd://berth:wrong@{}?prefix=/auth&timeout=3",
        cluster.endpoint(0)
    );
    match EtcdStore::connect(EtcdConfig::parse(&url).expect("url")).await {
        Err(StoreError::Backend(message)) => {
            assert!(message.contains("credentials"), "{message}");
        }
        Err(other) => panic!("expected a credentials error, got {other}"),
        Ok(_) => panic!("a wrong password was accepted"),
    }
}
