//! Synonyms and abbreviations from the site config (`[search] synonyms`):
//! groups of words or phrases that mean the same to users, such as
//! `["mfa", "2fa", "two-factor"]` or `["vpn", "remote access"]`. A query
//! word that is part of one member also finds the other members.

use serde::{Deserialize, Serialize};

use super::terms::term_of;
use crate::text::{is_stop_word, tokenize};

/// Each group's members as sequences of index terms.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Synonyms(pub(crate) Vec<Vec<Vec<String>>>);

impl Synonyms {
    /// Groups of words or phrases that mean the same, such as `[["mfa", "2fa"]]`; members with no words and groups of one are dropped.
    pub fn new<G, M>(groups: G) -> Self
    where
        G: IntoIterator<Item = M>,
        M: IntoIterator,
        M::Item: AsRef<str>,
    {
        let groups = groups
            .into_iter()
            .map(|members| {
                members
                    .into_iter()
                    .map(|m| {
                        tokenize(m.as_ref())
                            .iter()
                            .map(|t| term_of(&t.text))
                            .collect()
                    })
                    .filter(|m: &Vec<String>| !m.is_empty())
                    .collect::<Vec<_>>()
            })
            .filter(|g| g.len() > 1)
            .collect();
        Synonyms(groups)
    }

    /// Whether there are no groups.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// For each query term (by position), the terms of the other members of
    /// every group one of whose members occurs in the query as consecutive
    /// words covering that position.
    pub fn alternatives(&self, query_terms: &[String]) -> Vec<Vec<String>> {
        let mut extra = vec![Vec::new(); query_terms.len()];
        for group in &self.0 {
            for (m, member) in group.iter().enumerate() {
                let len = member.len();
                for start in 0..query_terms.len().saturating_sub(len - 1) {
                    if query_terms[start..start + len] != member[..] {
                        continue;
                    }
                    // "log in" finds "logon", not every article with "in".
                    let others: Vec<&String> = group
                        .iter()
                        .enumerate()
                        .filter(|(o, _)| *o != m)
                        .flat_map(|(_, other)| other.iter())
                        .filter(|t| !is_stop_word(t))
                        .collect();
                    for slot in &mut extra[start..start + len] {
                        for &term in &others {
                            if !slot.contains(term) && !member.contains(term) {
                                slot.push(term.clone());
                            }
                        }
                    }
                }
            }
        }
        extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(q: &str) -> Vec<String> {
        tokenize(q).iter().map(|t| term_of(&t.text)).collect()
    }

    #[test]
    fn a_word_finds_its_synonyms_and_a_phrase_its_abbreviation() {
        let s = Synonyms::new([
            vec!["MFA", "2FA", "two-factor"],
            vec!["vpn", "remote access"],
        ]);
        let alt = s.alternatives(&terms("mfa prompt"));
        assert_eq!(alt[0], ["2fa", "two", "factor"]);
        assert!(alt[1].is_empty());
        let alt = s.alternatives(&terms("remote access down"));
        assert_eq!(alt[0], ["vpn"]);
        assert_eq!(alt[1], ["vpn"]);
        assert!(alt[2].is_empty());
        // A word that is only part of a phrase member does not trigger it.
        assert!(s.alternatives(&terms("remote desktop"))[0].is_empty());
    }

    #[test]
    fn stop_words_of_a_phrase_are_not_alternatives() {
        let s = Synonyms::new([vec!["login", "log in", "sign in"]]);
        assert_eq!(s.alternatives(&terms("login"))[0], ["log", "sign"]);
        assert_eq!(s.alternatives(&terms("log in"))[0], ["login", "sign"]);
    }

    #[test]
    fn single_member_groups_and_empty_members_are_dropped() {
        let s = Synonyms::new([vec!["alone"], vec!["", "!!"]]);
        assert!(s.is_empty());
    }
}
