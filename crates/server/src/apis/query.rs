//! The dispatch of AWS Query APIs (IAM, STS, ELBv2): the form body is decoded once, its
//! `Version` checked, and each API's `call` function reads its typed request with
//! [`request`] and renders its answer with [`reply`] or [`reply_empty`].

use berth_api::query::{self, FromQuery, QueryError, QueryParams, ToXml};
use berth_api::Validate;

use super::Api;
use crate::error::{Error, Result};

/// A decoded Query request: its action and parameters.
#[derive(Debug)]
pub struct QueryRequest {
    pub action: String,
    pub params: QueryParams,
}

/// Decodes a body for `api`: it must name an action and carry the API's version.
pub fn decode(api: Api, body: &[u8]) -> Result<QueryRequest> {
    let params = QueryParams::parse(body).map_err(invalid)?;
    let action = params
        .action()
        .filter(|a| !a.is_empty())
        .ok_or_else(|| Error::invalid("The request must have an Action parameter."))?
        .to_owned();
    let expected = api.query_version().unwrap_or_default();
    match params.version() {
        Some(version) if version == expected => {}
        Some(version) => {
            return Err(Error::invalid(format!(
                "Version '{version}' is not valid for this API; use {expected}."
            )))
        }
        None => {
            return Err(Error::invalid(format!(
                "The request must have a Version parameter ({expected})."
            )))
        }
    }
    Ok(QueryRequest { action, params })
}

/// Reads the whole typed request: its members, no unknown parameters, the model's limits.
pub fn request<T: FromQuery + Validate>(params: &QueryParams) -> Result<T> {
    query::parse_request(params).map_err(invalid)
}

/// The answer of an action whose model has an output shape (even an empty one).
pub fn reply<T: ToXml>(api: Api, action: &str, result: &T, request_id: &str) -> String {
    query::response_xml(action, api.xml_namespace(), Some(result), request_id)
}

/// The answer of an action whose model has no output shape.
pub fn reply_empty(api: Api, action: &str, request_id: &str) -> String {
    query::empty_response_xml(action, api.xml_namespace(), request_id)
}

fn invalid(error: QueryError) -> Error {
    Error::InvalidParameter(error.to_string())
}
