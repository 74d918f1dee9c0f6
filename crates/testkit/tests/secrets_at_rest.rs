//! Encryption at rest: SecureString parameters and Secrets Manager values (string and
//! binary, every version) never reach the SQLite file or its WAL in clear text or in the
//! base64 the API carries them in, while a plain String parameter does (so the search
//! itself can fail), and they read back after a restart with the server's key.

mod common;

use aws_sdk_secretsmanager::primitives::Blob;
use aws_sdk_ssm::types::ParameterType;
use base64::Engine;
use berth_testkit::TestCluster;

#[tokio::test]
async fn secret_values_are_sealed_in_the_store_file_and_its_wal() {
    let mut cluster = TestCluster::start().await;
    let ssm = common::ssm(&cluster);
    let sm = common::secrets(&cluster);
    let plain = "plain-parameter-value-7f3a";
    let secure = ["securestring-value-91bd", "securestring-v2-91bd"];
    let strings = ["secretstring-value-c0de", "secretstring-v2-c0de"];
    let binary = b"secretbinary-value-b17e".to_vec();

    ssm.put_parameter()
        .name("/rest/plain")
        .value(plain)
        .r#type(ParameterType::String)
        .send()
        .await
        .expect("a String parameter");
    ssm.put_parameter()
        .name("/rest/secure")
        .value(secure[0])
        .r#type(ParameterType::SecureString)
        .send()
        .await
        .expect("a SecureString parameter");
    ssm.put_parameter()
        .name("/rest/secure")
        .value(secure[1])
        .overwrite(true)
        .send()
        .await
        .expect("its second version");
    sm.create_secret()
        .name("rest/string")
        .secret_string(strings[0])
        .send()
        .await
        .expect("a string secret");
    sm.put_secret_value()
        .secret_id("rest/string")
        .secret_string(strings[1])
        .send()
        .await
        .expect("its second version");
    sm.create_secret()
        .name("rest/binary")
        .secret_binary(Blob::new(binary.clone()))
        .send()
        .await
        .expect("a binary secret");

    let mut secrets: Vec<Vec<u8>> = secure
        .iter()
        .chain(&strings)
        .map(|s| s.as_bytes().to_vec())
        .collect();
    secrets.push(binary.clone());
    let encoded: Vec<Vec<u8>> = secrets
        .iter()
        .map(|s| {
            base64::engine::general_purpose::STANDARD
                .encode(s)
                .into_bytes()
        })
        .collect();
    let dir = cluster.data_dir().to_path_buf();
    let check = |when: &str| {
        let dir = dir.as_path();
        let wal = dir.join("berth.db-wal");
        assert!(
            !common::files_containing(dir, plain.as_bytes()).is_empty(),
            "{when}: the plain parameter is in the store, so the search works"
        );
        for needle in secrets.iter().chain(&encoded) {
            let found = common::files_containing(dir, needle);
            assert!(
                found.is_empty(),
                "{when}: {:?} is in clear in {found:?}",
                String::from_utf8_lossy(needle)
            );
        }
        wal
    };
    let wal = check("while running");
    assert!(
        !common::files_containing(&wal, b"/rest/secure").is_empty(),
        "the WAL holds the writes, and was searched"
    );

    // A restart checkpoints the WAL into the file; the values open with the key file.
    cluster.restart().await;
    check("after a restart");
    let ssm = common::ssm(&cluster);
    let sm = common::secrets(&cluster);
    let value = ssm
        .get_parameter()
        .name("/rest/secure")
        .with_decryption(true)
        .send()
        .await
        .expect("GetParameter")
        .parameter
        .and_then(|p| p.value)
        .expect("a value");
    assert_eq!(value, secure[1]);
    let read = sm
        .get_secret_value()
        .secret_id("rest/binary")
        .send()
        .await
        .expect("GetSecretValue");
    assert_eq!(
        read.secret_binary().map(|b| b.as_ref().to_vec()),
        Some(binary)
    );
    let previous = sm
        .get_secret_value()
        .secret_id("rest/string")
        .version_stage("AWSPREVIOUS")
        .send()
        .await
        .expect("GetSecretValue AWSPREVIOUS");
    assert_eq!(previous.secret_string(), Some(strings[0]));
}
