/** Regressions of notes mode found by reading generated cards, each named after what a reader saw. */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/lib/content/parse";
import { renderMarkdown } from "@/lib/content/render";
import { escapeDunders } from "@/lib/content/markdown";
import { typedAnswerOf } from "@/lib/answer/typed-answer";
import { gradeTypedAnswer } from "@/lib/answer/grade";
import { matchRubric } from "@/lib/interview/rubric";
import { rubricKeywords } from "@/lib/interview/keywords";
import { baseGlossary } from "@/lib/glossary";

const deck = (md: string) => {
  const r = parseDeck(md, { file: "n.md", deckId: "t/n" });
  expect(r.errors).toEqual([]);
  return r.deck!;
};

describe("notes mode regressions", () => {
  it("a list its intro calls '(observations, not steps)', and 'TLB 什么时候要刷：' (occasions), were ordered and asked 'what comes next'", () => {
    const d = deck(
      "# ES\n\n## Health\n\nThings I look at in the health response (observations, not steps):\n\n1. status green means every shard is assigned\n2. unassigned_shards counts the copies no node holds\n3. relocating_shards shows copies moving\n\n## TLB\n\nTLB 什么时候要刷：\n\n1. 进程切换改 CR3。\n2. 内核修改了页表映射。\n3. 多核上其他 CPU 的 TLB 也要刷。\n",
    );
    const sequenceRules = ["notes:next-step", "notes:process-order", "notes:first-step"];
    expect(d.cards.filter((c) => sequenceRules.includes(c.generatedBy ?? "")).map((c) => c.prompt)).toEqual([]);
    expect(d.cards.filter((c) => c.generatedBy === "notes:facts")).toHaveLength(2);
  });

  it("'A **segment** is an immutable sub-index…' made a definition and a cloze of the same sentence", () => {
    const d = deck("# ES\n\nA **segment** is an immutable sub-index inside Lucene.\n");
    expect(d.cards.map((c) => c.generatedBy)).toEqual(["notes:definition"]);
  });

  it("a step ending '：' with its details nested printed the details twice in 'what happens next' (inline, then as the list)", () => {
    const d = deck(
      "# 内存\n\n## 慢路径\n\n1. 快路径：从 buddy 拿页。\n2. 快路径失败：唤醒 kswapd 再试。\n3. 还失败，进入直接回收：\n    - 扫 inactive LRU，释放干净的文件页\n    - 调 shrinker 回收 slab\n4. 回收出了页就重试分配。\n",
    );
    const next = d.cards.find((c) => c.generatedBy === "notes:next-step" && c.prompt.includes("唤醒 kswapd"))!;
    expect(next.answer).toBe("还失败，进入直接回收\n\n- 扫 inactive LRU，释放干净的文件页\n- 调 shrinker 回收 slab");
    // the step with details, shown as the step before, is its own line
    const after = d.cards.find((c) => c.generatedBy === "notes:next-step" && c.answer.startsWith("回收出了页"))!;
    expect(after.prompt.endsWith("> 还失败，进入直接回收")).toBe(true);
  });

  it("'TLB 命中：…' then 'TLB 未命中：…' were two steps in turn: after a hit came the miss path", () => {
    const d = deck(
      "# 页表\n\n## 一次地址翻译\n\n1. MMU 先查 TLB。\n2. TLB 命中：直接得到物理地址。\n3. TLB 未命中：硬件 page walker 走页表。\n4. 把翻译结果填进 TLB。\n",
    );
    const next = d.cards.filter((c) => c.generatedBy === "notes:next-step");
    expect(next.some((c) => c.prompt.includes("TLB 命中：直接得到物理地址") && c.answer.startsWith("TLB 未命中"))).toBe(false);
    // what comes after the lookup is either branch
    expect(next.find((c) => c.prompt.includes("MMU 先查 TLB"))?.answer).toBe("TLB 命中：直接得到物理地址。\n\nTLB 未命中：硬件 page walker 走页表。");
    const order = d.cards.find((c) => c.generatedBy === "notes:process-order");
    expect(order?.kind === "ordering" && order.steps).toEqual(["MMU 先查 TLB。", "TLB 命中 / TLB 未命中", "把翻译结果填进 TLB。"]);
    // the same in English, with an aside in the lead
    const en = deck("# Alloc\n\n## Steps\n\n1. Try an order-9 allocation.\n2. Allocation succeeds: map 2MB.\n3. Allocation fails (fragmented, no 2MB block): fall back to 4KB.\n4. khugepaged collapses later.\n");
    expect(en.cards.some((c) => c.generatedBy === "notes:next-step" && c.prompt.includes("Allocation succeeds") && c.answer.startsWith("Allocation fails"))).toBe(false);
  });

  it("definitions of fragments: '已提交还 是什么？', 'swappiness=0 也不 是什么？', '9.4 以后冻结 是什么？', 'v2 是什么？', 'xmin 是什么？' answered with one branch of a rule", () => {
    const d = deck(
      "# 笔记\n\n已提交还是未提交要去 clog 里查状态。\n\nswappiness=0 也不是完全不换出匿名页。\n\n9.4 以后冻结是在 infomask 里打一个标记位。\n\nv2 是统一层级的新接口。\n\nxmin 是当前事务自己 → 本事务之前的命令插入的可见。\n\n最后手段是 pg_resetwal。\n\n页表是内核给每个进程维护的一棵多级树。\n",
    );
    const defined = d.cards.filter((c) => c.generatedBy === "notes:definition").map((c) => c.prompt);
    expect(defined).toEqual(["「笔记」中，页表 是什么？"]);
  });

  it("a phase order of three phases was self-evident (找到要改的行 → 写新版本 → 提交): only four or more phases are ordered", () => {
    const three = deck(
      "# PG\n\n## 更新一行\n+ 步骤\n    - **找到要改的行**\n    1. 执行器找到 tuple。\n    2. 检查 xmax。\n    - **写新版本**\n    3. 写新 tuple。\n    4. 旧 tuple 设 xmax。\n    - **提交**\n    5. 写 commit 记录。\n    6. 更新 clog。\n",
    );
    expect(three.cards.some((c) => c.generatedBy === "notes:phase-order")).toBe(false);
    expect(three.cards.some((c) => c.generatedBy === "notes:process-order")).toBe(true);
  });

  it("the export's metadata line (更新时间: 2025-…) became the title of a list read from an indented block", () => {
    const d = deck(
      "# TLS notes\n\n> 来源: 网络安全\n> 更新时间: 2025-12-27T18:03:46.915204+08:00\n\n---\n\n# 1. Certificate chain validation\n" +
        "    Running openssl s_client shows these lines:\n    1. Certificate chain lists the server and the intermediate\n    2. Verify return code 0 means the chain validated\n    3. Post-Handshake New Session Ticket arrives twice\n",
    );
    const texts = d.cards.flatMap((c) => [c.prompt, c.answer, ...c.topic]);
    for (const t of texts) expect(t).not.toContain("更新时间");
    // the list is introduced by its own line, and is read as output to recall, not as steps
    expect(d.cards.find((c) => c.prompt.includes("Running openssl"))?.generatedBy).toBe("notes:facts");
    expect(d.cards.some((c) => c.generatedBy === "notes:next-step")).toBe(false);
  });

  it("'**qrouter** 命名空间负责…' made the same cloze twice (the bold term, and the subject of 负责 around it)", () => {
    const d = deck("# 网络\n\n**qrouter** 命名空间负责租户网络之间的三层转发。\n");
    const clozes = d.cards.filter((c) => c.kind === "cloze");
    expect(clozes).toHaveLength(1);
    expect(clozes[0]!.prompt).toBe("\\[…\\]负责租户网络之间的三层转发。");
  });

  it("'**dnsmasq** 是 neutron 用来…的 DHCP 服务' blanked 'dnsmasq 是 neutron' as what does the job", () => {
    const d = deck("# 网络\n\n**dnsmasq** 是 neutron 用来给虚拟机分配地址的 DHCP 服务。\n");
    expect(d.cards.some((c) => c.kind === "cloze" && c.cloze.some((t) => t.text.includes("是")))).toBe(false);
    expect(d.cards.find((c) => c.generatedBy === "notes:definition")?.prompt).toContain("dnsmasq 是什么");
  });

  it("the load-balancing methods ('Methods available in upstream:', 'name — description' items) became 'what comes after least_conn' cards", () => {
    const d = deck(
      "# Nginx\n\n## load balancing\n\nMethods available in upstream:\n\n1. round robin — the default, with weights, interleaved\n2. least_conn — the server with the fewest active connections\n3. ip_hash — a hash of the client address, sticky by client\n4. random — random, or two at random and the one with fewer connections\n",
    );
    expect(d.cards.some((c) => c.generatedBy === "notes:next-step" || c.generatedBy === "notes:process-order" || c.generatedBy === "notes:first-step")).toBe(false);
    expect(d.cards.find((c) => c.generatedBy === "notes:alternatives")?.answer).toContain("least\\_conn");
  });

  it("'504:' (a list with no cue of its own) under '502 / 504 common causes' was read as a process", () => {
    const d = deck(
      "# Nginx\n\n## 502 / 504 common causes\n\n504:\n\n1. upstream timed out while reading the response header, the backend is slower than proxy_read_timeout\n2. timed out while connecting, packets are dropped by a firewall\n3. PHP: fastcgi_read_timeout is shorter than the script\n\nHow I debug a 504:\n\n1. read error.log first\n2. log $upstream_response_time\n3. curl the backend directly from the nginx host\n",
    );
    const after = d.cards.filter((c) => c.generatedBy === "notes:next-step");
    // the causes make no sequence; the debugging steps (its own cue, "How") still do
    expect(after.length).toBeGreaterThan(0);
    for (const c of after) expect(c.prompt).not.toMatch(/timed out|fastcgi/);
    expect(d.cards.find((c) => c.generatedBy === "notes:reasons")?.answer).toContain("fastcgi");
  });

  it("a step with its checks nested under it ('    2. 先做检查：' + '        - …') cut the Put flow in two: an ordering of steps 3-5 of 5", () => {
    const d = deck(
      "# etcd\n\n## 一次 Put\n\n一次 Put 请求的流程：\n    1. client 通过 gRPC 把 Put 发到任意一个节点\n    2. etcdserver 先做检查：\n        - db 大小没有超过 quota\n        - applied index 落后不超过 5000\n    3. 调用 raftNode.Propose 提交提案\n    4. leader 给每个 follower 发 MsgApp\n    5. 多数派落盘后推进 commit index\n",
    );
    const order = d.cards.filter((c) => c.generatedBy === "notes:process-order");
    expect(order).toHaveLength(1);
    const steps = order[0]!.kind === "ordering" ? order[0]!.steps : [];
    expect(steps).toHaveLength(5);
    expect(steps[0]).toContain("client 通过 gRPC");
    // the checks are what step 2 says
    expect(steps[1]).toBe("etcdserver 先做检查：db 大小没有超过 quota；applied index 落后不超过 5000");
  });

  it("location matching: a branch of the procedure ('If the longest prefix has ^~ -> use it, skip regexes') left the sequence and its condition was cut at the comma", () => {
    const d = deck(
      "# Nginx\n\n## location matching\n\n1. Check all exact locations first, an exact hit is used.\n2. Check prefix locations, remember the longest match.\n3. If the longest prefix has ^~ -> use it, skip regexes.\n4. Otherwise check regex locations in config order, first match wins.\n5. No regex matched -> use the remembered longest prefix.\n",
    );
    const order = d.cards.find((c) => c.generatedBy === "notes:process-order");
    // "If … ^~ -> use it" and "Otherwise check regex locations" are one place in the order: one of
    // them happens (round 5 found "否则"/"或者" branches ordered one after the other)
    expect(order?.kind === "ordering" ? order.steps : []).toHaveLength(4);
    expect(order?.kind === "ordering" ? order.steps[2] : "").toBe("If the longest prefix has ^\\~ -\\> use it / Otherwise check regex locations in config order");
    const branch = d.cards.find((c) => c.generatedBy === "notes:fallback");
    expect(branch?.prompt).toMatch(/what happens if the longest prefix has \^\\~\?$/);
    expect(branch?.answer).toBe("use it, skip regexes.");
    // the step after "remember the longest match" is the ^~ check, not "No regex matched"
    const after = d.cards.find((c) => c.generatedBy === "notes:next-step" && c.prompt.includes("remember the longest match"));
    expect(after?.answer).toContain("^\\~");
  });

  it("'1.RBD 按…' lines (no space after the number, as the export writes them) were prose: the object→PG→OSD lookup made no card", () => {
    const d = deck("# Ceph\n\n## 对象怎么找到 OSD\n\n定位流程：\n1.RBD 把 image 切成 4MB 的对象\n2.对对象名做 hash，再对 pg_num 取模得到 PG\n3.CRUSH(pgid) 算出 PG 的 up set\n4.客户端把请求发给 primary OSD\n");
    const order = d.cards.find((c) => c.generatedBy === "notes:process-order");
    expect(order?.kind === "ordering" ? order.steps : []).toEqual(["RBD 把 image 切成 4MB 的对象", "对对象名做 hash，再对 pg\\_num 取模得到 PG", "CRUSH(pgid) 算出 PG 的 up set", "客户端把请求发给 primary OSD"]);
    expect(order?.line).toBe(6);
  });

  it("definitions made of sentence fragments: '正常做法 是什么', 'Raft 里每个节点 是什么', 'etcd 的 Range 默认 是什么', '新节点刚加进来日志 是什么', 'clone 是秒级的，…'", () => {
    const d = deck(
      "# 笔记\n\n## 一\n\n正常做法是想办法把那个 OSD 拉起来。Raft 里每个节点是三种角色之一：follower、candidate、leader。etcd 的 Range 默认就是线性一致读。新节点刚加进来日志是空的，要收一个很大的快照。clone 是秒级的，不用拷数据。\n",
    );
    expect(d.cards.filter((c) => c.generatedBy === "notes:definition").map((c) => c.prompt)).toEqual([]);
  });

  it("'etcd 用 [Raft] 协议' in the deck 'etcd与Raft面试问题': the deck title above the card gave the blank away", () => {
    const r = parseDeck("# etcd与Raft面试问题\n\n## 架构\n\netcd 用 **Raft** 协议保证多副本一致，写入要经过 **WAL** 落盘。\n", { file: "n.md", deckId: "t/n" });
    const clozes = r.deck!.cards.filter((c) => c.kind === "cloze");
    expect(clozes.map((c) => (c.kind === "cloze" ? c.cloze[0]!.text : ""))).toEqual(["WAL"]);
  });

  it("'**SNI**: Server Name Indication, the hostname…' asked '[…]: Server Name Indication, …' (the blank spelt out beside it)", () => {
    const d = deck(
      "# TLS\n\n+ **SNI**: Server Name Indication, the hostname the client puts in ClientHello so one IP can serve many certificates\n+ **HSTS** — HTTP Strict Transport Security.\n+ Browsers cache the **OCSP** answer; Online Certificate Status Protocol responders are slow.\n",
    );
    const clozes = d.cards.filter((c) => c.kind === "cloze");
    const sni = clozes.find((c) => c.kind === "cloze" && c.cloze[0]!.text === "SNI")!;
    expect(sni.prompt).toBe("\\[…\\]: the hostname the client puts in ClientHello so one IP can serve many certificates");
    expect(sni.kind === "cloze" && sni.cloze[0]!.aliases).toEqual(["Server Name Indication"]);
    expect(sni.answer).toContain("Server Name Indication");
    // nothing but the expansion to ask: no card; spelt out elsewhere in the question: no card
    expect(clozes.map((c) => (c.kind === "cloze" ? c.cloze[0]!.text : ""))).toEqual(["SNI"]);
  });

  it("'**everysec**（默认）' accepted 默认 as the answer, and '**Session ticket (1.2, RFC 5077)**' accepted '1.2, RFC 5077'", () => {
    const d = deck(
      "# Redis\n\n## AOF\n\n+ **everysec**（默认）：后台线程每秒 fsync 一次，最多丢 1 秒左右\n+ 从库发 **PSYNC ? -1**（第一次，不知道主库的 replid），主库回 FULLRESYNC\n+ 主从之间用 **复制积压缓冲区**（replication backlog）补发断线期间的命令\n\n## TLS\n\n+ **Session ticket (1.2, RFC 5077)**: the server encrypts the session state and gives the blob to the client\n",
    );
    const cloze = (text: string) => {
      const c = d.cards.find((x) => x.kind === "cloze" && x.cloze[0]!.text === text);
      if (!c || c.kind !== "cloze") throw new Error(`no cloze on ${text}`);
      return c;
    };
    // a remark stays in the question as a hint and is no answer
    expect(cloze("everysec").prompt).toBe("\\[…\\]（默认）：后台线程每秒 fsync 一次，最多丢 1 秒左右");
    expect(cloze("everysec").cloze[0]!.aliases).toBeUndefined();
    // longer words in brackets are hidden (they may give the term away) but are no answer either
    expect(cloze("PSYNC ? -1").prompt).not.toContain("第一次");
    expect(cloze("PSYNC ? -1").cloze[0]!.aliases).toBeUndefined();
    // a name in brackets is hidden and accepted, as before
    expect(cloze("复制积压缓冲区").cloze[0]!.aliases).toEqual(["replication backlog"]);
    // the name before a remark in brackets is what is recalled
    expect(cloze("Session ticket (1.2, RFC 5077)").cloze[0]!.aliases).toEqual(["Session ticket"]);
  });
  it("round 4: a word of a blank of several words stood in its question ('Deployment controller' beside '看到新 Deployment', 'leader epoch' beside '问 leader 这个 epoch', 'OCSP stapling' beside 'staples it')", () => {
    const d = deck(
      "# K8s\n\n+ kube-controller-manager 里的 **Deployment controller** 通过 informer 看到新 Deployment，创建一个 ReplicaSet\n+ **leader epoch**：0.11 引入（follower 重启后问 leader 这个 epoch 的结束 offset）\n+ **OCSP stapling** — the server fetches a signed response from the CA and \"staples\" it into the handshake\n+ Nginx runs as one **master process** + N worker processes\n+ Push with **git push --force-with-lease** so you never overwrite someone else's work.\n",
    );
    const clozes = d.cards.flatMap((c) => (c.kind === "cloze" ? [c.cloze[0]!.text] : []));
    // generic head nouns ("process") and the subcommand of a command with flags give nothing away
    expect(clozes).toEqual(["master process", "git push --force-with-lease"]);
  });

  it("round 4: a blank that an agent noun's translation gave away ('[Serializer] 把 key 和 value 序列化', '[Partitioner] 选分区')", () => {
    const d = deck("# Kafka\n\n1. **Serializer** 把 key 和 value 序列化成 byte[]\n2. **Partitioner** 选分区\n3. 追加到 **RecordAccumulator**，每个分区一个队列\n");
    expect(d.cards.flatMap((c) => (c.kind === "cloze" ? [c.cloze[0]!.text] : []))).toEqual(["RecordAccumulator"]);
  });

  it("round 4: whole lines in bold were one blank ('[…]。', '一句话区分：[…]'), and labels or connectives were blanks ('[局限]：只保证单分区', '新的写命令[同时]写到')", () => {
    const d = deck(
      "# Redis\n\n## 面试怎么答（简版）\n\n**吞吐靠攒批+压缩，可靠性靠acks+重试+幂等**。\n\n## 缓存问题\n\n一句话区分：**穿透是数据根本不存在；击穿是一个热 key 过期；雪崩是一大片 key 过期**\n\n## 幂等\n\n+ **局限**：只保证单分区、单会话。\n+ 新的写命令**同时**写到 aof_buf 和 aof_rewrite_buf\n+ 一句话：**所有组件都只跟 apiserver 打交道，只有 apiserver 读写 etcd**，各个 controller 通过 watch 调谐。\n",
    );
    expect(d.cards.filter((c) => c.kind === "cloze")).toEqual([]);
    // the labelled line asks its label, with the line as the answer
    const summary = d.cards.find((c) => c.generatedBy === "notes:summary")!;
    expect(summary.prompt).toBe("「缓存问题」：一句话区分？");
    expect(summary.answer).toBe("穿透是数据根本不存在；击穿是一个热 key 过期；雪崩是一大片 key 过期");
  });

  it("round 4: brackets that explain were accepted as answers ('（名字带 pod-template-hash）', '（可能丢）', '（compact 类型）', a quotation), and '（以前叫 priorities）' accepted the whole phrase", () => {
    const d = deck(
      "# K\n\n+ 创建一个 **ReplicaSet**（名字带 pod-template-hash）\n+ 先提交再处理 → **at most once**（可能丢）\n+ offset 存在内部 topic **__consumer_offsets**（compact 类型）\n+ client sends **ChangeCipherSpec** (\"from now on I encrypt\") and Finished\n+ **Score**（以前叫 priorities）：给剩下的节点打分排序\n+ **复制积压缓冲区**（replication backlog）补发断线期间的命令\n",
    );
    const aliases = Object.fromEntries(d.cards.flatMap((c) => (c.kind === "cloze" ? [[c.cloze[0]!.text, c.cloze[0]!.aliases ?? []]] : [])));
    expect(aliases).toEqual({ ReplicaSet: [], "at most once": [], __consumer_offsets: [], ChangeCipherSpec: [], 复制积压缓冲区: ["replication backlog"] });
    // "Score" is given away by 打分 (its glossary translation): no card
    // the explanation stays on the answer side
    expect(d.cards.find((c) => c.kind === "cloze" && c.cloze[0]!.text === "ReplicaSet")!.answer).toContain("（名字带 pod-template-hash）");
  });

  it("round 4: 'key_share (e.g. X25519 …)' was cut at 'e.g.' as if a sentence ended there", () => {
    const d = deck("# TLS\n\n+ **ClientHello**: cipher suites, key_share (e.g. X25519 public key), supported_versions.\n");
    expect(d.cards[0]!.prompt).toBe("\\[…\\]: cipher suites, key\\_share (e.g. X25519 public key), supported\\_versions.");
  });
  it("rounds 3-5: a comparison table (the heart of '热迁移 vs 冷迁移', 'RDB vs AOF', '1.2 vs 1.3') made no card and was not in the rubric", () => {
    const d = deck(
      "# 迁移\n\n## 热迁移 vs 冷迁移\n\n| 对比项 | 热迁移 | 冷迁移 |\n| --- | --- | --- |\n| 虚机是否停机 | 不停，毫秒级暂停 | 关机 |\n| 能否换 flavor | 不能 | resize 可以换 |\n| 备注 | - | — |\n| 数据通道 | libvirt/QEMU 之间 | ssh + rsync |\n",
    );
    const rows = d.cards.filter((c) => c.generatedBy === "notes:table-row");
    // one card a row, the empty row left out
    expect(rows.map((c) => c.prompt)).toEqual([
      "「热迁移 vs 冷迁移」：虚机是否停机——热迁移、冷迁移各是怎样？",
      "「热迁移 vs 冷迁移」：能否换 flavor——热迁移、冷迁移各是怎样？",
      "「热迁移 vs 冷迁移」：数据通道——热迁移、冷迁移各是怎样？",
    ]);
    expect(rows[0]!.answer).toBe("- **热迁移**：不停，毫秒级暂停\n- **冷迁移**：关机");
    // each row is a point of the section's interview question
    const open = d.cards.find((c) => c.kind === "open");
    expect(open?.kind === "open" && open.points.map((p) => p.text)).toEqual(["虚机是否停机：热迁移 不停，毫秒级暂停；冷迁移 关机", "能否换 flavor：热迁移 不能；冷迁移 resize 可以换", "数据通道：热迁移 libvirt/QEMU 之间；冷迁移 ssh + rsync"]);
  });

  it("a table in English asks each row's columns, without a doubled question mark; the heading '## 1.2 vs 1.3' lost '1.' as if it were a number", () => {
    const d = deck("# TLS\n\n## 1.2 vs 1.3\n\n| | TLS 1.2 | TLS 1.3 |\n|---|---|---|\n| Certificate encrypted? | no, sent in clear | yes |\n| RTT | 2 | 1 |\n");
    expect(d.cards.filter((c) => c.generatedBy === "notes:table-row").map((c) => c.prompt)).toEqual(["“1.2 vs 1.3”: Certificate encrypted — TLS 1.2 / TLS 1.3?", "“1.2 vs 1.3”: RTT — TLS 1.2 / TLS 1.3?"]);
  });
  it("round 5: '1~3 … 4~8' became '13 … 48' (GFM read the single tildes as a strikethrough and dropped them)", () => {
    const d = deck("# 收包\n\n## 丢包\n\n+ 注意：**1~3** 发生在 tcpdump 之前；4~8 是 tcpdump 能看到包、但应用收不到\n");
    const card = d.cards.find((c) => c.kind === "cloze")!;
    expect(card.prompt).toContain("4\\~8");
    expect(renderMarkdown(card.answer, { deckFolder: "" })).toContain("<strong>1~3</strong>");
    expect(renderMarkdown(card.answer, { deckFolder: "" })).not.toContain("<del>");
    // a double tilde is still a strikethrough
    expect(renderMarkdown("~~old~~ new", { deckFolder: "" })).toBe("<p><del>old</del> new</p>");
  });
  it("round 5: '**Remark（STW）**' accepted STW and '**Concurrent Mark（并发）**' 并发 as phase names; '（默认 200ms）', '（G1 用的）', '（老日志叫 to-space exhausted）' and long explanations were answers; IHOP beside 'InitiatingHeapOccupancyPercent'", () => {
    const d = deck(
      "# G1\n\n+ **Remark（STW）**：处理剩下的 SATB buffer\n+ **Concurrent Mark（并发）**：遍历整个对象图\n+ 停顿目标 **-XX:MaxGCPauseMillis**（默认 200ms），是软目标\n+ 破坏条件 2 就是 **SATB**（G1 用的）\n+ **Evacuation Failure**（老日志叫 to-space exhausted）：拷贝时没有空 region\n+ 代价：有 **浮动垃圾**（标记开始后才死的对象这轮收不掉），下一轮再收\n+ 前提：堆占用超过 **IHOP**，即 -XX:InitiatingHeapOccupancyPercent\n",
    );
    const aliases = Object.fromEntries(d.cards.flatMap((c) => (c.kind === "cloze" ? [[c.cloze[0]!.text, c.cloze[0]!.aliases ?? []]] : [])));
    expect(aliases).toEqual({
      "Remark（STW）": ["Remark"],
      "Concurrent Mark（并发）": ["Concurrent Mark"],
      "-XX:MaxGCPauseMillis": [],
      SATB: [],
      "Evacuation Failure": ["to-space exhausted"],
      浮动垃圾: [],
    });
    // a default stays in the question as the hint it is
    expect(d.cards.find((c) => c.kind === "cloze" && c.cloze[0]!.text === "-XX:MaxGCPauseMillis")!.prompt).toContain("（默认 200ms）");
  });
  it("round 5: steps with a 是 in brackets, after a label, or in '是…就…' were taken for definitions and dropped, so 'what happens next' skipped them", () => {
    const d = deck(
      "# 收包\n\n## TCP层\n\n1. tcp_v4_rcv：按四元组找 socket\n2. tcp_rcv_established：序号对的放进 sk_receive_queue\n3. 回 ACK（可能是 delayed ACK）\n4. 调 sk_data_ready 通知上层\n\n## 唤醒\n\n1. 看等待队列上有没有等待者\n2. 阻塞 read 的进程：等待项的回调是 autoremove_wake_function，直接唤醒\n3. ep_poll_callback 把 epitem 加到 rdllist\n\n## finish\n\n1. 目标节点配置网络、生成 libvirt xml\n2. 原来是 ACTIVE 就开机，原来关机的保持 SHUTOFF\n3. 用户 confirm，源节点删掉 _resize 目录\n",
    );
    const order = (title: string) => d.cards.flatMap((c) => (c.kind === "ordering" && c.topic.join(" › ").endsWith(title) ? [c.steps] : []))[0];
    expect(order("TCP层")).toHaveLength(4);
    expect(order("唤醒")).toHaveLength(3);
    expect(order("finish")).toHaveLength(3);
    const next = d.cards.find((c) => c.generatedBy === "notes:next-step" && c.prompt.includes("tcp\\_rcv\\_established"))!;
    expect(next.answer).toBe("回 ACK（可能是 delayed ACK）");
    expect(d.cards.filter((c) => c.generatedBy === "notes:definition")).toEqual([]);
  });
  it("round 5: 'confirm' then '或者 revert', 'If it comes back…' then 'Otherwise…' were two steps in turn: revert taught as what follows confirm", () => {
    const d = deck(
      "# 迁移\n\n## resize\n\n1. 目标节点生成 libvirt xml\n2. 虚机状态变成 VERIFY_RESIZE\n3. 用户 confirm：源节点删掉 _resize 目录\n4. 或者 revert：目标节点销毁虚机，源节点改回来\n",
    );
    const steps = d.cards.flatMap((c) => (c.kind === "ordering" ? [c.steps] : []))[0];
    expect(steps).toEqual(["目标节点生成 libvirt xml", "虚机状态变成 VERIFY\\_RESIZE", "用户 confirm / 或者 revert"]);
    const next = d.cards.filter((c) => c.generatedBy === "notes:next-step");
    // after VERIFY_RESIZE: both branches; nothing follows confirm
    expect(next.map((c) => c.answer)).toEqual(["虚机状态变成 VERIFY\\_RESIZE", "用户 confirm：源节点删掉 \\_resize 目录\n\n或者 revert：目标节点销毁虚机，源节点改回来"]);
  });

  it("round 5: the notes' own questions ('Q：热迁移为什么一直不结束？') and how-to-answer lines ('面试官问…，从下往上说') were rubric points any answer covered", () => {
    const d = deck(
      "# Nova\n\n## 常见面试题\n\n+ 面试官问“迁移怎么做”，按下面说\n+ Q：热迁移为什么一直不结束？\n    - pre-copy 不收敛，脏页速度比带宽快\n    - 办法：auto-converge / post-copy\n+ Q：CPU 型号不一样能热迁移吗？\n    - host-passthrough 只能同型号之间迁\n",
    );
    // since round 9 each of them is asked as written, with its nested answer; no rubric point is a
    // question or a how-to-answer line, and "the key points of '常见面试题'" asks nothing
    expect(d.cards.filter((c) => c.kind === "open")).toEqual([]);
    expect(d.cards.map((c) => [c.generatedBy, c.prompt, c.answer])).toEqual([
      ["notes:question", "热迁移为什么一直不结束？", "1. pre-copy 不收敛，脏页速度比带宽快\n2. 办法：auto-converge / post-copy"],
      ["notes:question", "CPU 型号不一样能热迁移吗？", "host-passthrough 只能同型号之间迁"],
    ]);
  });
  it("rounds 4-5: bullets after a bullet's own sub-bullets were counted with them ('/etc/resolv.conf keys — what are the 14 points?' for 7), and '热迁移又分两种' listed three", () => {
    const d = deck(
      "# DNS\n\n## Stub\n\n+ resolv.conf keys:\n    - nameserver IP -- at most 3\n    - search a.corp -- search list\n    - options ndots:n -- default 1\n+ ndots rule: fewer dots -> search first\n    - trailing dot = FQDN\n    - k8s pods get ndots:5\n+ glibc re-reads /etc/hosts on every lookup\n\n## 热迁移\n\n- 热迁移又分两种：\n    + **共享存储热迁移**：只需要拷内存\n    + **块迁移**：磁盘也通过 NBD 拷过去\n    + API 2.25 开始 block_migration 可以传 auto\n",
    );
    const lists = d.cards.filter((c) => c.generatedBy === "notes:facts" || c.generatedBy === "notes:alternatives").map((c) => c.prompt);
    expect(lists).toEqual([
      "“Stub”: resolv.conf keys — what are the 3 points?",
      "“Stub”: ndots rule — what are the 2 points?",
      "“热迁移”: 热迁移又分两种 — which 2, and how do they differ?",
    ]);
  });
  it("round 5: definitions of no term: '本质 是什么', '整体 是什么', 'top 里 si 高 是什么', 'Remark 停顿长一般 是什么', 'cgroup.procs 里 是什么'", () => {
    const d = deck(
      "# 迁移\n\n## 概念\n\n+ 本质是 flavor 不变的 resize。\n+ 整体是复制：把活对象拷到空 region。\n+ top 里 si 高是软中断占 CPU 多。\n+ Remark 停顿长一般是引用处理太多。\n+ cgroup.procs 里是属于这个组的进程号。\n+ 容器本质上是一个受 namespace 和 cgroups 限制的普通进程。\n",
    );
    expect(d.cards.filter((c) => c.generatedBy === "notes:definition").map((c) => c.prompt)).toEqual(["「概念」中，容器本质上 是什么？"]);
  });
  it("round 5: a rubric point with nothing of its own to listen for (need 0, or one general word) was covered by every answer", () => {
    const d = deck("# 收包\n\n## 软中断\n\n1. 网卡 DMA 把包写进 ring buffer\n2. 硬中断里 napi_schedule 触发 NET_RX_SOFTIRQ\n3. 处理一下\n4. net_rx_action 调驱动的 poll 收包\n");
    const open = d.cards.find((c) => c.kind === "open");
    expect(open?.kind === "open" && open.points.map((p) => p.text)).toEqual(["网卡 DMA 把包写进 ring buffer", "硬中断里 napi\\_schedule 触发 NET\\_RX\\_SOFTIRQ", "net\\_rx\\_action 调驱动的 poll 收包"]);
    expect(open?.kind === "open" && open.points.every((p) => p.need! >= 1)).toBe(true);
  });
  it("round 5: '[增量更新]（incremental update，CMS 用的，…）' showed the blank's English name beside it; '网卡发 **硬中断**（MSI-X，…）' must not accept MSI-X; '**Eden**、**Survivor**' blanked one of two bare names", () => {
    const d = deck(
      "# G1\n\n## SATB\n\n+ 破坏条件 1 就是 **增量更新**（incremental update，CMS 用的，记录新增的引用，remark 时重新扫描这些对象）；破坏条件 2 就是 SATB\n+ 网卡发 **硬中断**（MSI-X，每个队列一个中断号，可以绑到不同 CPU 上去处理，irqbalance 会自动分）\n+ **Eden**、**Survivor**（年轻代）\n",
    );
    const clozes = d.cards.flatMap((c) => (c.kind === "cloze" ? [c] : []));
    expect(clozes.map((c) => [c.cloze[0]!.text, c.cloze[0]!.aliases ?? []])).toEqual([
      ["增量更新", ["incremental update"]],
      ["硬中断", []],
    ]);
    expect(clozes[0]!.prompt).toBe("破坏条件 1 就是 \\[…\\]；破坏条件 2 就是 SATB");
    // an aside that names something else stays in the question
    expect(clozes[1]!.prompt).toContain("MSI-X");
  });
  it("round 6: '__address__' and '__name__' lost their underscores (GFM read them as bold), and a cloze blanked 'address'", () => {
    const d = deck("# Prom\n\n## relabel\n\n+ **relabel_configs** 抓之前改写 target，__address__ 决定真正去抓哪个地址\n+ 找基数大户：count by (__name__) ({__name__=~\".+\"})\n+ `__init__` 在代码里不变\n");
    const texts = d.cards.map((c) => c.prompt + " " + c.answer).join(" ");
    expect(texts).toContain("\\_\\_address\\_\\_");
    expect(d.cards.flatMap((c) => (c.kind === "cloze" ? [c.cloze[0]!.text] : []))).toEqual(["relabel_configs"]);
    expect(renderMarkdown(d.cards[0]!.prompt, { deckFolder: "" })).toContain("__address__");
    // code keeps its underscores as written
    expect(escapeDunders("`__init__` and\n```\n__x__\n```\n__y__")).toBe("`__init__` and\n```\n__x__\n```\n\\_\\_y__");
  });

  it("round 6: '… / otherwise' lost the otherwise clause ('if the server selects h2 / otherwise'), and the step after it was taught as following the fallback", () => {
    const d = deck(
      "# H2\n\n## setup\n\n1. TCP handshake\n2. TLS handshake with ALPN\n3. if the server selects h2: client sends the preface\n4. otherwise (no ALPN): carry on as plain HTTP/1.1\n5. server sends its own SETTINGS\n",
    );
    const steps = d.cards.flatMap((c) => (c.kind === "ordering" ? [c.steps] : []))[0];
    expect(steps?.[2]).toBe("if the server selects h2 / otherwise carry on as plain HTTP/1.1");
    const nextAfter = d.cards.filter((c) => c.generatedBy === "notes:next-step" && c.prompt.includes("otherwise"));
    expect(nextAfter).toEqual([]);
  });

  it("round 6: '**cinder-api**（REST入口）' hid the component's role and accepted it as the name", () => {
    const d = deck("# Cinder\n\n## 组件\n\n+ 组件先记住：**cinder-api**（REST入口）、**cinder-scheduler**（选后端），走 RabbitMQ\n+ **copy-on-write**（写时复制）的意思是父进程改页时才复制\n");
    const clozes = d.cards.flatMap((c) => (c.kind === "cloze" ? [c] : []));
    expect(clozes[0]!.prompt).toBe("组件先记住：\\[…\\]（REST入口）、cinder-scheduler（选后端），走 RabbitMQ");
    expect(clozes[0]!.cloze[0]!.aliases).toBeUndefined();
    // a translation the glossary knows is still a name, hidden and accepted
    const cow = clozes.find((c) => c.cloze[0]!.text === "copy-on-write");
    expect(cow?.cloze[0]!.aliases).toEqual(["写时复制"]);
  });
  it("round 6: '- 为什么用 pull（面试会问，记几个理由）：' then '1.能直接知道…' lines were taken for the steps of the section's process", () => {
    const d = deck(
      "# Prom\n\n## 1. 抓取（scrape）流程\n\n+ Prometheus 是 pull 模型\n- 为什么用 pull（面试会问，记几个理由）：\n1.能直接知道 target 挂没挂（up 指标）\n2.抓取频率由监控端控制\n3.可以随便再起一个 Prometheus 抓同一批 target\n",
    );
    expect(d.cards.filter((c) => c.generatedBy === "notes:next-step")).toEqual([]);
    expect(d.cards.find((c) => c.generatedBy === "notes:reasons")?.prompt).toBe("「抓取（scrape）流程」：为什么用 pull（3 点）");
  });
  it("round 6: '**rate(x[5m])**' accepted 'x[5m]' (a call read as a gloss), 'up（1/0）' accepted 1/0, '（wal/ 目录）', '（… 默认 1m）' and '不适合告警（抖一下就触发/恢复）' were answers", () => {
    const d = deck(
      "# Prom\n\n## PromQL\n\n+ **rate(x[5m])**：用窗口内第一个和最后一个样本算每秒平均增长率\n+ 每次抓取还会写几条自带的序列：**up**（1/0）、scrape_duration_seconds\n+ 同时顺序写 **WAL**（wal/ 目录），进程崩了靠它恢复 head\n+ Prometheus 对 firing 的告警**定期重发**（--rules.alert.resend-delay 默认 1m），每次都带 endsAt\n+ 适合看高精度的实时图，**不适合告警**（抖一下就触发/恢复）\n+ **acks=all（-1）**：ISR 里所有副本都写入才回成功\n",
    );
    const aliases = Object.fromEntries(d.cards.flatMap((c) => (c.kind === "cloze" ? [[c.cloze[0]!.text, c.cloze[0]!.aliases ?? []]] : [])));
    expect(aliases).toEqual({ "rate(x[5m])": [], up: [], WAL: [], 定期重发: [], "acks=all（-1）": ["acks=all", "-1"] });
    // the value stays in the question as the hint it is
    expect(d.cards.find((c) => c.kind === "cloze" && c.cloze[0]!.text === "up")!.prompt).toContain("（1/0）");
  });
  it("round 6: a blank in a process's first step ('[…] 按 route 树匹配，找到 receiver') asked the same sentence as the first-step card", () => {
    const d = deck(
      "# Alertmanager\n\n## 告警处理\n\n1. **dispatcher** 按 route 树匹配，找到 receiver\n2. 按 group_by 分组，等 **group_wait** 再发第一批\n3. 过 inhibit 抑制检查\n4. 过 silence 静默检查\n5. 发给 receiver，失败会重试\n",
    );
    expect(d.cards.filter((c) => c.generatedBy === "notes:first-step").map((c) => c.answer)).toEqual(["dispatcher 按 route 树匹配，找到 receiver"]);
    // the later steps' blanks stay: the first-step card does not ask them
    expect(d.cards.flatMap((c) => (c.kind === "cloze" ? c.cloze.map((t) => t.text) : []))).toEqual(["group_wait"]);
  });
  it("round 6: '[…] 抑制检查' and '[…] 静默检查' asked for inhibition and silence beside their Chinese names", () => {
    const d = deck("# Alertmanager\n\n## 处理\n\n- 先过 **inhibition** 抑制检查，被更严重的告警压住的不发\n- 再过 **silence** 静默检查，按 matcher 屏蔽一段时间\n- 分组用 **group_by**，按 alertname 和 cluster 聚在一起\n");
    expect(d.cards.flatMap((c) => (c.kind === "cloze" ? c.cloze.map((t) => t.text) : []))).toEqual(["group_by"]);
  });
  it("round 6: a list under its heading said the heading twice ('“HTTP/1.1 and why it ran out of steam”: HTTP/1.1 and why it ran out of steam — …')", () => {
    const d = deck("# HTTP\n\n## HTTP/1.1 and why it ran out of steam\n\n- one request at a time per connection, so browsers open six\n- headers are sent in full every time\n- no server push\n\n## 为什么要分区\n\n- 单机扛不住写入\n- 并行消费\n- 按 key 保证顺序\n");
    const lists = d.cards.filter((c) => c.generatedBy === "notes:reasons" || c.generatedBy === "notes:facts");
    for (const c of lists) expect(c.prompt.split(/HTTP\/1\.1 and why|为什么要分区/).length - 1).toBeLessThanOrEqual(1);
  });
  it("round 7: a fenced example under step 4 cut the PKCE flow in two (its 'first step' was step 5), and the paragraph above ('why PKCE: …') made steps 1-4 'reasons'", () => {
    const d = deck(
      "# Authorization code flow + PKCE\n\nwhy PKCE: the auth code comes back through the browser, so it can be intercepted. PKCE binds the code to the client.\n  - **client prepares**\n  1. generate code_verifier, a random string\n  2. code_challenge = BASE64URL(SHA256(code_verifier))\n  - **front channel**\n  3. redirect the browser to the AS:\n```\nGET /authorize?response_type=code&code_challenge=E9M\n```\n  4. the AS authenticates the user and shows consent\n  5. the AS redirects back with code and state\n  - **back channel**\n  6. the client POSTs the code and code_verifier to /token\n  7. the AS checks the verifier against the challenge and returns tokens\n",
    );
    const order = d.cards.find((c) => c.generatedBy === "notes:process-order");
    expect(order?.kind === "ordering" ? order.steps.length : 0).toBe(7);
    expect(d.cards.find((c) => c.generatedBy === "notes:first-step")?.answer).toBe("generate code\\_verifier, a random string");
    expect(d.cards.filter((c) => c.generatedBy === "notes:reasons")).toEqual([]);
  });
  it("round 7: a cloze on 'OAuth 2.0' refused 'OAuth2', one on 'allowlist' refused 'whitelist', one on OIDC refused 'OpenID Connect'", () => {
    const d = deck("# OAuth\n\n- **OAuth 2.0** = delegated authorization for an API, without the user's password\n- redirect URIs are matched against an **allowlist**, exact string match\n- plain OAuth is no login protocol, that is why **OIDC** exists on top of it\n");
    const accepted = (term: string) => {
      const c = d.cards.find((x) => x.kind === "cloze" && x.cloze[0]!.text === term);
      return c ? typedAnswerOf(c)! : null;
    };
    expect(gradeTypedAnswer("OAuth2", accepted("OAuth 2.0")!).correct).toBe(true);
    expect(gradeTypedAnswer("whitelist", accepted("allowlist")!).correct).toBe(true);
    expect(gradeTypedAnswer("OpenID Connect", accepted("OIDC")!).correct).toBe(true);
  });
  it("round 7: a list's long intro ('先捋调用链（contianer 是怎么起来的）：dockerd → containerd → …') was the title of every one of its questions", () => {
    const d = deck("# runc 启动容器的过程\n\n1. runc create 读 config.json\n2. clone 出新进程\n\n先捋调用链（contianer 是怎么起来的）：dockerd → containerd → containerd-shim-runc-v2 → runc\n\n1. dockerd 收到 docker run\n2. containerd 起 shim\n3. shim 调 runc create\n4. runc 退出，shim 留下来当父进程\n\n访问 http://web 时的解析过程：\n\n1. 先查 search 域\n2. 再问 CoreDNS\n3. 最后返回 ClusterIP\n");
    const titles = new Set(d.cards.filter((c) => c.generatedBy === "notes:process-order").map((c) => c.prompt));
    expect(titles).toEqual(new Set(["把「runc 启动容器的过程 › 先捋调用链」的步骤按顺序排好", "把「runc 启动容器的过程 › 访问 http://web 时的解析过程」的步骤按顺序排好"]));
  });
  it("round 7: a blank on a hyphenated name stood beside its own part ('[…]、facebook 的 oomd' for systemd-oomd); a part inside another name (nova of nova-api) still gives nothing away", () => {
    const d = deck("# OOM\n\n- 用户态的 OOM 守护进程：**systemd-oomd**、facebook 的 oomd，按 PSI 提前杀\n- nova-api 收到请求后 cast 给 **nova-scheduler** 选节点\n");
    expect(d.cards.flatMap((c) => (c.kind === "cloze" ? c.cloze.map((t) => t.text) : []))).toEqual(["nova-scheduler"]);
  });
  it("round 7: bold Chinese phrases were blanks ('把路由功能**下放**到每个计算节点', '只有**一棵树**', '**能看到什么**'), a reader kept 4 of 25; compound terms stay blanks (惰性删除, 零拷贝, 异步复制)", () => {
    const d = deck("# DVR\n\n- DVR 把路由功能**下放**到每个计算节点\n- cgroup v2 只有**一棵树**，所有 controller 都挂在上面\n- namespace 管的是**能看到什么**，cgroup 管能用多少\n- 过期 key 用**惰性删除**加定期删除\n- sendfile 是**零拷贝**，数据不经过用户态\n- 主从之间默认是**异步复制**，主挂了可能丢数据\n");
    expect(d.cards.flatMap((c) => (c.kind === "cloze" ? c.cloze.map((t) => t.text) : []))).toEqual(["惰性删除", "零拷贝", "异步复制"]);
  });
  it("round 8 (from round 7): a list's intro 'label：statement' was asked whole ('脑裂（split brain）：ha network 断了但外网还通 → 两边都当 master——有哪 2 点？'), saying neither what to recall nor keeping its statement back", () => {
    const d = deck("# L3 HA\n\n## failover\n\n- 脑裂（split brain）：ha network 那条隧道断了但是外网还通 → 两个节点都以为自己是 master\n    - Queens 以后加了 ha_vrrp_health_check_interval，ping 不通外部网关就降级\n    - 排查：看每个节点的 state 文件，谁身上有 qg 的 IP\n- 注意跟不上的后果：write stall\n    - L0 到 20 个文件限速\n    - L0 到 36 个停写\n");
    const facts = d.cards.filter((c) => c.generatedBy === "notes:facts");
    expect(facts.map((c) => c.prompt)).toEqual(["「failover」：脑裂（split brain）——有哪 2 点？", "「failover」：注意跟不上的后果：write stall——有哪 2 点？"]);
    expect(facts[0]!.answer.startsWith("ha network 那条隧道断了但是外网还通 → 两个节点都以为自己是 master\n\n1. Queens")).toBe(true);
  });
  it("round 8 (from round 7): a Chinese headline between a label and its own explanation was a blank ('问题1：[单点故障]，网络节点挂了，上面所有 router 都断')", () => {
    const d = deck("# DVR\n\n- 问题1：**单点故障**，网络节点挂了，上面所有 router 都断\n- 缺点：**共享内核**，内核漏洞 = 逃逸\n- legacy 模式下 l3-agent 只跑在网络节点，是**单点故障**\n");
    expect(d.cards.flatMap((c) => (c.kind === "cloze" ? c.cloze.map((t) => t.text) : []))).toEqual(["单点故障"]);
  });
  it("round 8 (from round 7): brackets about a term were accepted as its name ('（RFC 9449）', '（组播 224.0.0.18，IP协议号112）', '（BlockBasedTable 格式）', '（WiscKey论文）', '（BPF_PROG_TYPE_CGROUP_DEVICE）')", () => {
    const d = deck("# Notes\n\n- 发送方绑定用 **DPoP**（RFC 9449），token 绑到客户端的密钥上\n- master 通过 ha- 口发 **VRRP advertisement**（组播 224.0.0.18，IP协议号112）\n- flush 出来的是 **L0 SST**（BlockBasedTable 格式），每个文件是一个 memtable\n- 大 value 用 **key-value separation**（WiscKey论文），compaction 只搬 key\n- v2 的 devices 控制改成 **eBPF**（BPF_PROG_TYPE_CGROUP_DEVICE）程序\n- 会话恢复用 **PSK**（pre-shared key），省一次往返\n- 卷的挂载信息记在 **BDM**（block_device_mapping）表里\n");
    const clozes = d.cards.flatMap((c) => (c.kind === "cloze" ? [[c.cloze[0]!.text, c.cloze[0]!.aliases ?? []]] : []));
    expect(clozes).toEqual([["DPoP", []], ["VRRP advertisement", []], ["L0 SST", []], ["key-value separation", []], ["eBPF", []], ["PSK", ["pre-shared key"]], ["BDM", ["block_device_mapping"]]]);
  });
  it("round 8 (from round 7): a blank on '2倍' refused 两倍 and 2x", () => {
    const d = deck("# Universal\n\n- 全量 compaction 的时候最坏要差不多 **2倍** 磁盘空间\n");
    const c = d.cards.find((x) => x.kind === "cloze")!;
    for (const typed of ["2倍", "两倍", "2x", "二倍"]) expect(gradeTypedAnswer(typed, typedAnswerOf(c)!).correct).toBe(true);
    expect(gradeTypedAnswer("3倍", typedAnswerOf(c)!).correct).toBe(false);
  });
  it("round 8: a list labelled '- 面试题：' (a marker with no question, over its sub-bullets) turned the whole notes file into explicit cards, and the file failed to import on that line", () => {
    const d = deck("# 拥塞控制\n\n## 快速重传\n\n1. 收到 3 个重复 ACK\n2. ssthresh = cwnd / 2\n3. cwnd = ssthresh + 3，进入快速恢复\n\n- 面试题：\n  - 慢启动为什么叫慢？→ 相对一开始就发满窗口，其实是指数增长\n  - ECN 解决什么问题？→ 用标记代替丢包，提前减速\n");
    expect(d.notesMode).toBe(true);
    expect(d.cards.some((c) => c.generatedBy === "notes:process-order")).toBe(true);
  });
  it("round 8: numbered lists that count again from 1 under each bold line ('**proxy server**' 1. 2. 3., '**account server**' 1. 2.) were one process in phases; each is a list about its line (lists numbered 1. 1. 1. still run on across phases)", () => {
    const d = deck("# Swift\n\n## 整体架构\n\n- **proxy server**\n1. 无状态，前面挂 LB，水平扩展\n2. 收到请求后查 ring，把请求转发到存储节点\n- **account server**\n1. 存 account 下有哪些 container\n2. 底层是 SQLite db 文件\n\n## 开机\n\n- **固件阶段**\n1. 主板上电，BIOS 自检\n1. BIOS 读取 MBR\n- **引导阶段**\n1. GRUB 加载内核\n1. 内核挂载根文件系统\n");
    expect(d.cards.filter((c) => c.generatedBy === "notes:facts").map((c) => c.prompt)).toEqual(["「整体架构」：proxy server——有哪 2 点？", "「整体架构」：account server——有哪 2 点？"]);
    const orders = d.cards.filter((c) => c.generatedBy === "notes:process-order");
    expect(orders.map((c) => (c.kind === "ordering" ? c.steps.length : 0))).toEqual([4]);
    expect(d.cards.filter((c) => c.generatedBy === "notes:next-step" && c.topic.includes("整体架构"))).toEqual([]);
  });
  it("round 8: a numbered list of pitfalls ('### 7）坑 / 注意') or of the notes' own interview questions was a process: an ordering, a first step and a 'next step' per item", () => {
    const d = deck("# ZooKeeper\n\n### 7）坑 / 注意\n\n1. watch 是一次性的，回调里要重新注册\n2. 不要把 ZK 当数据库，单节点 1MB 上限\n3. 节点数用奇数，3 或 5 台就够\n\n# 七、面试常问\n\n1. 加一块盘之后发生了什么？→ ring-builder add + rebalance，replicator 把数据推到新位置\n2. 为什么要 min_part_hours？→ 防止连续两次 rebalance 把同一个 partition 的多个副本同时挪走\n");
    expect(d.cards.filter((c) => /next-step|first-step|process-order/.test(c.generatedBy ?? ""))).toEqual([]);
    const asked = d.cards.filter((c) => c.generatedBy === "notes:question");
    expect(asked.map((c) => [c.prompt, c.answer])).toEqual([
      ["加一块盘之后发生了什么？", "ring-builder add + rebalance，replicator 把数据推到新位置"],
      ["为什么要 min\\_part\\_hours？", "防止连续两次 rebalance 把同一个 partition 的多个副本同时挪走"],
    ]);
  });
  it("round 8: the notes' own questions with their answers ('blob vs tree? -> …', a step with its nested answer) were steps", () => {
    const d = deck("# Git\n\n## Objects\n\n1. blob vs tree? -> blob = content only, tree = names + modes + pointers\n2. is git storing diffs? -> full snapshots; packfiles delta-compress\n3. what happens on git add?\n    - blob written to the object db\n    - index updated\n");
    expect(d.cards.filter((c) => c.generatedBy === "notes:question").map((c) => [c.prompt, c.answer])).toEqual([
      ["“Objects”: blob vs tree?", "blob = content only, tree = names + modes + pointers"],
      ["“Objects”: is git storing diffs?", "full snapshots; packfiles delta-compress"],
      ["“Objects”: what happens on git add?", "1. blob written to the object db\n2. index updated"],
    ]);
    expect(d.cards.filter((c) => c.generatedBy === "notes:facts")).toEqual([]);
  });
  it("round 8: 'X 是什么？' of subjects that are no terms ('路径大概是…', 'PUT成功了但是…', '副本怎么跨zone放是…')", () => {
    const d = deck("# Swift\n\n## 存储\n\n- 路径大概是 /srv/node/sdb1/objects/ 下面的一个文件\n- PUT成功了但是马上GET可能读到旧数据\n- 副本怎么跨zone放是 ring-builder 决定的事情\n- partition 是 ring 分配数据的最小单位\n");
    expect(d.cards.filter((c) => c.generatedBy === "notes:definition").map((c) => c.prompt)).toEqual(["「存储」中，partition 是什么？"]);
  });
  it("round 8: bold clauses were blanks ('**所有写请求由leader排序**', '**高32位是epoch**', '**不要把ZK当数据库**'), so were labels over their content ('**选票PK规则**：先比 epoch…') and one of a list of bold names ('服务器角色：**leader**、**follower**、**observer**'); 'follower（参与投票）' took 参与投票 as its name", () => {
    const d = deck("# ZAB\n\n- ZAB 不是 Paxos，**所有写请求由leader排序**，再广播给 follower\n- zxid 64 位：**高32位是epoch**，**低32位是计数器**\n- 坑：**不要把ZK当数据库**，单节点 1MB 上限\n- **选票PK规则**：先比 epoch，大的赢；再比 zxid\n- 服务器角色：**leader**、**follower**（参与投票）、**observer**（不投票，只同步数据）\n- 新 leader 上任后 **epoch** 加一，计数器清零\n- 只有 **follower**（参与投票）才算进 quorum 的多数\n");
    const clozes = d.cards.flatMap((c) => (c.kind === "cloze" ? [[c.cloze[0]!.text, c.cloze[0]!.aliases ?? []]] : []));
    expect(clozes).toEqual([["epoch", []], ["follower", []]]);
  });
  it("round 8: a term and its other name side by side ('事务日志（txn log）', 'PERSISTENT 持久节点：') were two keyword groups with the Latin one the anchor, so a Chinese answer saying 事务日志 or 持久节点 missed the point; a deck title made of a file name ('zookeeper-zab') was no topic word", () => {
    const d = deck("# ZooKeeper\n\n## 数据模型\n\n- 数据全在内存里，磁盘上是事务日志（txn log）+ 快照（snapshot），重启靠回放日志恢复\n- PERSISTENT 持久节点：不主动删就一直在\n- EPHEMERAL 临时节点：跟 session 绑定，session 结束自动删除\n");
    const open = d.cards.find((c) => c.kind === "open");
    if (open?.kind !== "open") throw new Error("no interview question");
    const said = "数据都放内存，磁盘上靠事务日志加快照，重启回放恢复。持久节点不删就一直在，临时节点和会话绑定，会话结束就自动删掉。";
    expect(matchRubric(said, open.points).map((m) => m.covered)).toEqual([true, true, true]);
    const words = rubricKeywords(["ZooKeeper 是分布式协调服务，不是拿来存业务数据的"], { glossary: baseGlossary, english: false, topic: ["zookeeper-zab"] })[0]!;
    expect(words.keywords[words.anchor]).not.toContain("ZooKeeper");
  });
  it("round 8: a label whose content is a code block ('plumbing to poke:') was a rubric point", () => {
    const d = deck("# Git\n\n## Objects\n\n- git is a content-addressable key/value store\n- a blob holds raw file content, no filename\n- plumbing to poke:\n\n```\ngit cat-file -p HEAD\n```\n\n- a tree is one directory listing\n");
    const open = d.cards.find((c) => c.kind === "open");
    expect(open?.kind === "open" && open.points.map((p) => p.text)).toEqual(["git is a content-addressable key/value store", "a blob holds raw file content, no filename", "a tree is one directory listing"]);
  });
  it("round 9: the notes' own questions with the answer nested under them ('+ Q：为什么 nat 规则改了…？' over '- A：nat 表只对 NEW 的第一个包查…') lost their answers, which became points of a rubric; 'Q：… A：…' on one line kept its markers", () => {
    const d = deck(
      "# N\n\n## 08 | 面试题\n+ Q：为什么 nat 规则改了，已经建立的连接没变化？\n    - A：nat 表只对 NEW 的第一个包查\n+ Q：DROP 和 REJECT 区别？\n    - A：DROP 静默丢，对方等超时\n    - REJECT 回 ICMP port unreachable\n+ Q：AFTER_SYNC 一定不丢数据吗？ A：前提是没退化成异步\n",
    );
    expect(d.cards.map((c) => [c.generatedBy, c.prompt, c.answer])).toEqual([
      ["notes:question", "为什么 nat 规则改了，已经建立的连接没变化？", "nat 表只对 NEW 的第一个包查"],
      ["notes:question", "DROP 和 REJECT 区别？", "1. DROP 静默丢，对方等超时\n2. REJECT 回 ICMP port unreachable"],
      ["notes:question", "AFTER\\_SYNC 一定不丢数据吗？", "前提是没退化成异步"],
    ]);
  });

  it("round 9: a bold question ('- **what's sysmon?** → runtime thread without a P…') was also a blank: a whole question to type, beside the question card that asks it", () => {
    const d = deck("# Go\n\n## Interview Qs\n- **what's sysmon?** → runtime thread without a P, retakes Ps in syscalls\n- **what's g0?** → per-M scheduler goroutine with a big stack\n");
    expect(d.cards.map((c) => [c.generatedBy, c.prompt])).toEqual([
      ["notes:question", "what's sysmon?"],
      ["notes:question", "what's g0?"],
    ]);
  });

  it("round 9: a drill section had an interview question ('the key points of “Interview Qs”') graded on a dozen unrelated answers, and a 'Q：… A：…' line elsewhere was one point graded on its question's words", () => {
    const d = deck(
      "# Go\n\n## Preemption\n- sysmon marks a G running > 10ms\n- Q: is go scheduling preemptive? A: since 1.14 yes, signal based\n- SIGURG is sent to the M\n\n## Interview Qs\n- why GMP and not GM? → global runq lock contention\n- goroutine vs thread? → 2KB growable stack\n",
    );
    const open = d.cards.filter((c) => c.kind === "open");
    expect(open.map((c) => c.topic)).toEqual([["Preemption"]]);
    expect(open[0]?.kind === "open" && open[0].points.map((p) => p.text)).toEqual(["sysmon marks a G running \\> 10ms", "since 1.14 yes, signal based", "SIGURG is sent to the M"]);
  });

  it("round 9: 'CAS' was read as the plural of CA, so a lock-free CAS point listened for 'certificate authority'", () => {
    const [point] = rubricKeywords(["local runq: per P, a fixed ring of 256 Gs, lock-free CAS on the head"], { glossary: baseGlossary, english: true });
    const words = point!.keywords.flat().map((w) => w.toLowerCase());
    expect(words).toContain("cas");
    expect(words).not.toContain("ca");
    expect(words).not.toContain("certificate authority");
  });

  it("round 9: a step that starts by saying what something is ('qvoA 是 access 口，tag=1，包一进 br-int 就带上 vlan 1') was dropped from the packet path as a definition", () => {
    const d = deck("# OVS\n\n## 一个包的路径\n\n1. VM A 从 eth0 发出 → tapA → qvoA 进 br-int\n2. qvoA 是 access 口，tag=1，包一进 br-int 就带上 vlan 1\n3. br-int 走 NORMAL，出口是 patch-tun\n");
    const order = d.cards.find((c) => c.kind === "ordering");
    expect(order?.kind === "ordering" && order.steps).toEqual(["VM A 从 eth0 发出 → tapA → qvoA 进 br-int", "qvoA 是 access 口，tag=1，包一进 br-int 就带上 vlan 1", "br-int 走 NORMAL，出口是 patch-tun"]);
  });

  it("round 9: 'X 是什么？' of subjects that are no terms ('br-int 早期', '主体', '以为两边 local vlan 不一样') or answered by a setting ('br-tun 是 fail_mode=secure')", () => {
    const d = deck("# OVS\n\n## 网桥\n\n+ br-tun 是 fail_mode=secure；br-int 早期是 standalone，现在也是 secure\n+ 主体就是 table 0 priority=1 actions=NORMAL，当普通交换机用\n+ 以为两边 local vlan 不一样是 bug（其实不是）\n");
    expect(d.cards.filter((c) => c.generatedBy === "notes:definition").map((c) => c.prompt)).toEqual([]);
  });

  it("round 9: a list's note to self about what it is not ('现象（症状，不是步骤）', '(observations, not steps)') was part of its question", () => {
    const d = deck("# NF\n\n## table full\n\n现象（症状，不是步骤）：\n\n1. dmesg 刷 nf_conntrack: table full\n2. 新连接随机超时\n3. 已有连接正常\n");
    expect(d.cards.filter((c) => c.generatedBy === "notes:facts").map((c) => c.prompt)).toEqual(["「table full」：现象——有哪 3 点？"]);
  });

  it("round 9: a bold version label ('**5.7：LOGICAL_CLOCK**', '**8.0：WRITESET**') was one blank to type whole, and the name it hid stood in the same line ('slave_parallel_type=LOGICAL_CLOCK')", () => {
    const d = deck("# M\n\n## 并行复制\n\n+ 演进：\n    - **5.7：LOGICAL_CLOCK**，`slave_parallel_type=LOGICAL_CLOCK`，基于组提交\n    - **8.0：WRITESET**，按事务改的行判断冲突\n");
    expect(d.cards.filter((c) => c.kind === "cloze").map((c) => [c.prompt, c.kind === "cloze" && c.cloze.map((x) => x.text)])).toEqual([["8.0：\\[…\\]，按事务改的行判断冲突", ["WRITESET"]]]);
  });

  it("round 10: a caveat numbered with the steps ('14. 注意：设备“完成”可能只是进了盘的 write cache…') was a step, asked as what comes after the last one", () => {
    const d = deck("# IO\n\n## 写路径\n\n1. write() 拷进 page cache，标脏\n2. flusher 线程回写\n3. 设备完成后发中断，page 变干净\n4. 注意：设备“完成”可能只是进了盘的 write cache，没 FLUSH 不算持久化\n");
    const order = d.cards.find((c) => c.kind === "ordering");
    expect(order?.kind === "ordering" && order.steps).toEqual(["write() 拷进 page cache，标脏", "flusher 线程回写", "设备完成后发中断，page 变干净"]);
    expect(d.cards.filter((c) => c.generatedBy === "notes:next-step" && c.answer.includes("注意"))).toEqual([]);
  });

  it("round 10: steps numbered on under a second bold phase ('- **freshness check**' then '  4. entry found…') were glued to the phase's line, as markdown lets no list but one starting at 1 interrupt a line; the process lost every phase after the first", () => {
    const d = deck("# HTTP\n\n## What happens on a cached request\n- **lookup phase**\n  1. browser computes the cache key\n  2. looks in memory then disk cache\n- **freshness check**\n  3. entry found: compute its age\n  4. fresh: serve it, zero network\n- **revalidation phase**\n  5. stale: send a conditional GET\n  6. 304: refresh the stored headers\n");
    const order = d.cards.find((c) => c.generatedBy === "notes:process-order");
    expect(order?.kind === "ordering" && order.steps).toEqual(["browser computes the cache key", "looks in memory then disk cache", "entry found: compute its age", "fresh: serve it, zero network", "stale: send a conditional GET", "304: refresh the stored headers"]);
    // the step after the first phase's last is the second phase's first
    expect(d.cards.find((c) => c.generatedBy === "notes:next-step" && c.prompt.includes("looks in memory then disk cache"))?.answer).toBe("entry found: compute its age");
  });

  it("rounds 9-10: a blank the notes misspelt ('**invalidaton**', '**async preemtion**') accepted only the misspelling", () => {
    const d = deck("# CDN\n\n## Purge\n\n- **invalidaton** = mark as stale, the next request revalidates\n- **async preemtion** (1.14+): sysmon sends SIGURG to the M\n");
    expect(d.cards.filter((c) => c.kind === "cloze").map((c) => c.kind === "cloze" && c.cloze[0])).toEqual([
      { text: "invalidaton", aliases: ["invalidation"] },
      { text: "async preemtion", aliases: ["async preemption"] },
    ]);
  });

  it("round 10: a question and its answer on two bullets ('+ 问：…？' then '+ 答：…') or on two lines of a paragraph ('Q: …?' then 'A: …') made no question card; the answers were list items or rubric points", () => {
    const d = deck("# K\n\n## 调度\n\n+ scheduling cycle 串行\n+ 问：scheduling cycle 是并发的吗？\n+ 答：不是，串行；binding cycle 才是并发的\n\n## Interview Qs\n\nQ: no-cache vs no-store?\nA: no-cache = store but revalidate; no-store = never write it.\n\nQ: max-age vs s-maxage?\nA: s-maxage is for shared caches only.\n");
    expect(d.cards.filter((c) => c.generatedBy === "notes:question").map((c) => [c.prompt, c.answer])).toEqual([
      ["“调度”: scheduling cycle 是并发的吗？", "不是，串行；binding cycle 才是并发的"],
      ["no-cache vs no-store?", "no-cache = store but revalidate; no-store = never write it."],
      ["max-age vs s-maxage?", "s-maxage is for shared caches only."],
    ]);
    // the drill has no "key points of 'Interview Qs'"
    expect(d.cards.filter((c) => c.kind === "open").map((c) => c.topic)).toEqual([["调度"]]);
  });

  it("round 9: a table right under a bullet ('+ 等待点 wait_point：' then '| | AFTER_COMMIT | AFTER_SYNC |' at the margin) was read as the bullet's lazy lines and lost: no card and no rubric point had the comparison", () => {
    const d = deck(
      "# MySQL\n\n## 半同步\n\n+ 主库提交时要等至少一个从库回 ACK\n+ 等待点 wait_point：\n| | AFTER_COMMIT | AFTER_SYNC |\n|---|---|---|\n| 在哪等 ACK | 引擎 commit 之后 | binlog 刷盘之后、引擎 commit 之前 |\n| 其他会话能不能提前看到 | 能 | 不能 |\n+ 5.7 加了 ack receiver 线程\n",
    );
    const rows = d.cards.filter((c) => c.generatedBy === "notes:table-row");
    expect(rows.map((c) => [c.line, c.answer])).toEqual([
      [7, "- **AFTER\\_COMMIT**：引擎 commit 之后\n- **AFTER\\_SYNC**：binlog 刷盘之后、引擎 commit 之前"],
      [7, "- **AFTER\\_COMMIT**：能\n- **AFTER\\_SYNC**：不能"],
    ]);
    // the bullets on either side are still the section's points
    const open = d.cards.find((c) => c.kind === "open");
    expect(open?.kind === "open" && open.points.map((p) => p.text)).toEqual(expect.arrayContaining(["主库提交时要等至少一个从库回 ACK", "5.7 加了 ack receiver 线程"]));
  });
});
