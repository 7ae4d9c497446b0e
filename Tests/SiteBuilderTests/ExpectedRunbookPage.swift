// Recorded by WholePageTests with RUNBOOK_RECORD=1; do not edit by hand.

enum ExpectedRunbookPage {
    static let html = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="runbook 0.1.0">
<meta name="color-scheme" content="light dark">
<title>etcd has no leader · Ops runbooks</title>

<link rel="stylesheet" href="../../../assets/site.css">
<link rel="alternate" type="application/atom+xml" title="Ops runbooks: recent changes" href="../../../feed.atom">
</head>
<body class="page page-runbook">
<a class="skip-link" href="#rb-main">Skip to content</a>
<header class="site-header">
<a class="site-title" href="../../../index.html">Ops runbooks</a>
<nav class="site-nav" aria-label="Site">
<a href="../../../index.html">Runbooks</a>
<a href="../../../tags/index.html">Tags</a>
<a href="../../../alerts/index.html">Alerts</a>
<a href="../../../changes/index.html">Changes</a>
</nav>
</header>
<main id="rb-main" tabindex="-1">
<article class="runbook">
<header class="runbook-header">
<p class="breadcrumb"><a href="../../../index.html">Runbooks</a> / <span>etcd</span></p>
<h1>etcd has no leader</h1>
<ul class="badges" aria-label="Properties">
<li class="badge severity severity-critical"><span class="badge-key">severity</span> critical</li>
<li class="badge status status-approved"><span class="badge-key">status</span> approved</li>
<li class="badge owner"><span class="badge-key">owner</span> team-storage</li>

<li class="badge lint lint-clean"><span class="badge-key">lint</span> clean</li>
<li class="badge tag"><a href="../../../tags/etcd/index.html">#etcd</a></li><li class="badge tag"><a href="../../../tags/control-plane/index.html">#control-plane</a></li>
</ul>

<p class="alerts">Answers alerts: <a class="alert-name" href="../../../alerts/EtcdNoLeader/index.html"><code>EtcdNoLeader</code></a> </p>
<div class="run-line"><code>runbook run etcd/no-leader</code> <button type="button" class="copy" data-copy="runbook run etcd/no-leader" hidden>Copy</button></div>
<p class="meta" id="rb-meta">
Last changed by Carol on <time datetime="2024-03-10T11:00:00+01:00">2024-03-10</time> in <a href="https://git.example.com/ops/runbooks/commit/cccccccccccccccccccccccccccccccccccccccc"><code>ccccccc</code></a>.

Created by Alice on <time datetime="2024-03-01T11:00:00+01:00">2024-03-01</time>.
<a href="../../../history/etcd/no-leader/index.html">History (3)</a> · <a href="https://git.example.com/ops/runbooks/blob/main/runbooks/etcd/no-leader.md">Source</a> · <a href="https://git.example.com/ops/runbooks/edit/main/runbooks/etcd/no-leader.md">Edit</a> · <code class="path">runbooks/etcd/no-leader.md</code>
</p>
<p class="approval">Approved by Dave, Erin on <time datetime="2024-03-10T11:00:00+01:00">2024-03-10</time> in <a href="https://git.example.com/ops/runbooks/commit/cccccccccccccccccccccccccccccccccccccccc"><code>ccccccc</code></a>.</p>


</header>
<div class="runbook-columns">
<nav class="toc" id="rb-toc" aria-label="Contents">
<h2>Contents</h2>
<ol>
<li class="toc-level-2"><a href="#summary">Summary</a></li>
<li class="toc-level-2"><a href="#symptoms">Symptoms</a></li>
<li class="toc-level-2"><a href="#diagnosis">Diagnosis</a></li>
<li class="toc-level-2"><a href="#mitigation">Mitigation</a></li>
<li class="toc-level-2"><a href="#root-cause-fix">Root Cause Fix</a></li>
<li class="toc-level-2"><a href="#escalation">Escalation</a></li>
</ol>
<h2 id="rb-steps">Steps</h2>
<ol class="step-list">
<li class="step-item"><a href="#step-member-list"><code>member-list</code></a></li>
<li class="step-item"><a href="#step-etcdctl-endpoint-health"><code>etcdctl-endpoint-health</code></a></li>
<li class="step-item"><a href="#step-systemctl-restart-etcd"><code>systemctl-restart-etcd</code></a></li>
</ol>
</nav>
<div class="markdown-body">
<h2 id="summary">Summary <a class="anchor" href="#summary" aria-label="Link to this section">#</a></h2>
<p>The cluster has <strong>no leader</strong>; see <a href="../../../runbooks/db/failover/index.html#promote">failover</a> and raw.</p>
<h2 id="symptoms">Symptoms <a class="anchor" href="#symptoms" aria-label="Link to this section">#</a></h2>
<ul class="contains-task-list">
<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="" /> Confirm the alert</li>
<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="" checked="" /> Page the owner</li>
</ul>
<table>
<thead>
<tr>
<th align="left">Signal</th>
<th align="right">Threshold</th>
</tr>
</thead>
<tbody>
<tr>
<td align="left"><code>leader</code></td>
<td align="right">0</td>
</tr>
</tbody>
</table>
<h2 id="diagnosis">Diagnosis <a class="anchor" href="#diagnosis" aria-label="Link to this section">#</a></h2>
<figure class="step" id="step-member-list">
<figcaption class="step-header">
<span class="step-label">Step</span> <a class="step-name" href="#step-member-list"><code>member-list</code></a>
<span class="step-attribute">timeout=30s</span> 

<span class="step-actions"><a class="step-source" href="https://git.example.com/ops/runbooks/blob/main/runbooks/etcd/no-leader.md#L26">line 26</a> <button type="button" class="copy" data-copy="etcdctl member list -w table" hidden>Copy</button></span>
</figcaption>
<pre><code class="language-bash">etcdctl member list -w table
</code></pre>
</figure>
<figure class="step" id="step-etcdctl-endpoint-health">
<figcaption class="step-header">
<span class="step-label">Step</span> <a class="step-name" href="#step-etcdctl-endpoint-health"><code>etcdctl-endpoint-health</code></a>


<span class="step-actions"><a class="step-source" href="https://git.example.com/ops/runbooks/blob/main/runbooks/etcd/no-leader.md#L30">line 30</a> <button type="button" class="copy" data-copy="etcdctl endpoint health \
    --cluster" hidden>Copy</button></span>
</figcaption>
<pre><code class="language-console">$ etcdctl endpoint health \
    --cluster
healthy
</code></pre>
</figure>
<h2 id="mitigation">Mitigation <a class="anchor" href="#mitigation" aria-label="Link to this section">#</a></h2>
<figure class="step" id="step-systemctl-restart-etcd">
<figcaption class="step-header">
<span class="step-label">Step</span> <a class="step-name" href="#step-systemctl-restart-etcd"><code>systemctl-restart-etcd</code></a>


<span class="step-actions"><a class="step-source" href="https://git.example.com/ops/runbooks/blob/main/runbooks/etcd/no-leader.md#L38">line 38</a> <button type="button" class="copy" data-copy="systemctl restart etcd" hidden>Copy</button></span>
</figcaption>
<pre><code class="language-sh">systemctl restart etcd
</code></pre>
</figure>
<h2 id="root-cause-fix">Root Cause Fix <a class="anchor" href="#root-cause-fix" aria-label="Link to this section">#</a></h2>
<p>Fix the disk.</p>
<h2 id="escalation">Escalation <a class="anchor" href="#escalation" aria-label="Link to this section">#</a></h2>
<p>Call the storage team.</p>

</div>
</div>
</article>

</main>
<footer class="site-footer">
<p><a href="../../../index.json">index.json</a> · <a href="../../../feed.atom">Atom feed</a></p>
</footer>
<script src="../../../assets/site.js"></script>
</body>
</html>

"""#
}
