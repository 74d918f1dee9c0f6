//! `maxResults`/`nextToken` paging over listings sorted by a stable key.
//!
//! A token is the hex of the last key returned, so a page resumes after it even when
//! items were added or removed in between, as ECS's tokens do.

use crate::error::{Error, Result};

/// One page of a listing.
#[derive(Debug)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_token: Option<String>,
}

/// Takes the page after `next_token` from `items`, which must be sorted by key.
pub fn paginate<T>(
    items: impl IntoIterator<Item = (String, T)>,
    max_results: Option<i32>,
    next_token: Option<&str>,
    default_limit: usize,
    max_limit: usize,
) -> Result<Page<T>> {
    let limit = match max_results {
        None => default_limit,
        Some(n) if n >= 1 && (n as usize) <= max_limit => n as usize,
        Some(n) => {
            return Err(Error::invalid(format!(
                "maxResults must be between 1 and {max_limit}; {n} was given."
            )))
        }
    };
    let after = match next_token {
        None | Some("") => None,
        Some(token) => Some(decode_token(token)?),
    };
    let mut page = Vec::new();
    let mut last_key = None;
    let mut more = false;
    for (key, item) in items {
        if let Some(after) = &after {
            if key.as_str() <= after.as_str() {
                continue;
            }
        }
        if page.len() == limit {
            more = true;
            break;
        }
        last_key = Some(key);
        page.push(item);
    }
    let next_token = if more {
        last_key.map(|k| hex::encode(k.as_bytes()))
    } else {
        None
    };
    Ok(Page {
        items: page,
        next_token,
    })
}

fn decode_token(token: &str) -> Result<String> {
    hex::decode(token)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(|| {
            Error::invalid("The nextToken is not valid. Use a token from a previous response.")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_resume_after_the_last_key() {
        let items = || (0..5).map(|i| (format!("k{i}"), i));
        let first = paginate(items(), Some(2), None, 100, 100).unwrap();
        assert_eq!(first.items, vec![0, 1]);
        let second = paginate(items(), Some(2), first.next_token.as_deref(), 100, 100).unwrap();
        assert_eq!(second.items, vec![2, 3]);
        let third = paginate(items(), Some(2), second.next_token.as_deref(), 100, 100).unwrap();
        assert_eq!(third.items, vec![4]);
        assert!(third.next_token.is_none());
        assert!(paginate(items(), Some(0), None, 100, 100).is_err());
        assert!(paginate(items(), None, Some("zz"), 100, 100).is_err());
    }
}
