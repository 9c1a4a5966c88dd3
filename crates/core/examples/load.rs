// scratch: not committed
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    for _ in 0..3 {
        let t = Instant::now();
        let c = lantern_core::Catalog::from_slice(&bytes).unwrap();
        let total = t.elapsed();
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let arts = serde_json::to_vec(&v["articles"]).unwrap();
        let idx = serde_json::to_vec(&v["index"]).unwrap();
        let t = Instant::now();
        let a: Vec<lantern_core::ArticleMeta> = serde_json::from_slice(&arts).unwrap();
        let ta = t.elapsed();
        let t = Instant::now();
        let i: lantern_core::SearchIndex = serde_json::from_slice(&idx).unwrap();
        let ti = t.elapsed();
        let t = Instant::now();
        let hits = c
            .index
            .search("outlook password", &Default::default(), |_| true);
        let ts = t.elapsed();
        println!(
            "total {:?} articles {:?} index {:?} first search {:?} ({} {} {})",
            total,
            ta,
            ti,
            ts,
            a.len(),
            i.len(),
            hits.len()
        );
    }
}
