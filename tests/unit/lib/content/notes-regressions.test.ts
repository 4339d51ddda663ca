/** Regressions of notes mode found by reading generated cards, each named after what a reader saw. */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/lib/content/parse";

const deck = (md: string) => {
  const r = parseDeck(md, { file: "n.md", deckId: "t/n" });
  expect(r.errors).toEqual([]);
  return r.deck!;
};

describe("notes mode regressions", () => {
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
    expect(order?.kind === "ordering" ? order.steps : []).toHaveLength(5);
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
});
