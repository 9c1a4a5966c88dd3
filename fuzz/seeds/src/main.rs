//! `lantern-fuzz-seeds REPO OUT [CORPUS] [SAMPLE]`: seed corpora for every
//! fuzz target, made at fuzz time from the repository's sample articles,
//! its lantern.toml, the XSS payload fixture and every SAMPLE-th article of
//! the shared corpus (CORPUS, skipped when absent), so no seed is committed.
//! Catalog and ticket seeds are made by the real encoders, so the fuzzer
//! starts from valid files and mutates them.

use std::fs;
use std::path::{Path, PathBuf};

use lantern_core::config::SiteConfig;
use lantern_core::library::Library;
use lantern_core::ticket::{
    Attachment, Channel, Handoffs, Outbox, SentTicket, SiteRef, TicketContext, TicketDraft,
    TicketPayload,
};

struct Seeds {
    out: PathBuf,
    written: usize,
}

impl Seeds {
    fn put(&mut self, target: &str, name: &str, bytes: &[u8]) {
        let dir = self.out.join(target);
        fs::create_dir_all(&dir).expect("create the corpus folder");
        fs::write(dir.join(name), bytes).expect("write a seed");
        self.written += 1;
    }
}

fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(markdown_files(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// Articles for the text targets; catalogs of one, three and all of them.
fn articles(seeds: &mut Seeds, files: &[PathBuf]) {
    let texts: Vec<(String, String)> = files
        .iter()
        .filter_map(|f| {
            Some((
                f.file_name()?.to_str()?.to_string(),
                fs::read_to_string(f).ok()?,
            ))
        })
        .collect();
    for (i, (name, text)) in texts.iter().enumerate() {
        seeds.put("front_matter", &format!("{i}-{name}"), text.as_bytes());
        let body = lantern_core::front_matter::body_of(text).map_or(text.clone(), |(b, _)| b);
        seeds.put("render", &format!("{i}-{name}"), body.as_bytes());
    }
    for count in [1, 3, texts.len()] {
        let library = Library::from_texts(
            texts
                .iter()
                .take(count)
                .map(|(n, t)| (n.as_str(), t.as_str())),
        );
        let catalog = library.catalog(&SiteConfig::default());
        seeds.put(
            "catalog",
            &format!("articles-{count}.bin"),
            &catalog.to_bytes(),
        );
        for (i, article) in catalog.articles.iter().enumerate().take(40) {
            let mut query = vec![(i as u8) << 2 | 3];
            query.extend(article.title.as_bytes());
            seeds.put("search", &format!("title-{count}-{i}"), &query);
        }
    }
}

fn tickets(seeds: &mut Seeds) {
    let mut draft = TicketDraft::new("LT-7K3M9QX2".into());
    draft.subject = "VPN will not connect".into();
    draft.description = "Since this morning: error 809.".into();
    draft.email = "ana@example.com".into();
    seeds.put("ticket_storage", "draft.json", draft.text_json().as_bytes());
    let attachment = Attachment {
        name: "screen.png".into(),
        mime_type: "image/png".into(),
        size: 4,
        content_base64: "iVBORw==".into(),
    };
    draft.attachment = Some(attachment.clone());
    seeds.put(
        "ticket_storage",
        "attachment.json",
        json(&attachment).as_bytes(),
    );
    let site = SiteRef {
        name: "Help".into(),
        url: "https://help.example".into(),
    };
    let payload = TicketPayload::new(
        &draft,
        &TicketContext::default(),
        site,
        None,
        "2026-12-03T05:00:00Z".into(),
    );
    let mut outbox = Outbox::default();
    outbox.enqueue(payload.clone(), 1.7e12);
    outbox.record_failure("LT-7K3M9QX2", 1.7e12, "offline".into());
    seeds.put("ticket_storage", "outbox.json", json(&outbox).as_bytes());
    let sent = vec![SentTicket {
        reference: "LT-7K3M9QX2".into(),
        subject: "VPN".into(),
        channel: Channel::Webhook,
        sent_ms: 1.7e12,
    }];
    seeds.put("ticket_storage", "sent.json", json(&sent).as_bytes());
    let handoffs = Handoffs {
        waiting: vec![payload],
    };
    seeds.put(
        "ticket_storage",
        "handoffs.json",
        json(&handoffs).as_bytes(),
    );
    seeds.put(
        "ticket_storage",
        "requester.json",
        br#"["Ana","ana@example.com"]"#,
    );
}

fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("serialises")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [repo, out, rest @ ..] = args.as_slice() else {
        eprintln!("usage: lantern-fuzz-seeds REPO OUT [CORPUS] [SAMPLE]");
        std::process::exit(2);
    };
    let repo = Path::new(repo);
    let mut seeds = Seeds {
        out: out.into(),
        written: 0,
    };
    let mut files = markdown_files(&repo.join("articles"));
    if let Some(corpus) = rest.first() {
        let every: usize = rest.get(1).and_then(|s| s.parse().ok()).unwrap_or(30);
        files.extend(
            markdown_files(Path::new(corpus))
                .into_iter()
                .step_by(every.max(1)),
        );
    }
    articles(&mut seeds, &files);
    tickets(&mut seeds);
    for name in ["lantern.toml", "docs/deploy/lantern.toml"] {
        if let Ok(text) = fs::read(repo.join(name)) {
            seeds.put("config", &name.replace('/', "-"), &text);
        }
    }
    if let Ok(payloads) =
        fs::read_to_string(repo.join("crates/core/tests/fixtures/xss-payloads.txt"))
    {
        for (i, line) in payloads.lines().enumerate() {
            seeds.put("render", &format!("xss-{i}"), line.as_bytes());
        }
    }
    println!(
        "{} seeds from {} articles in {}",
        seeds.written,
        files.len(),
        seeds.out.display()
    );
}
