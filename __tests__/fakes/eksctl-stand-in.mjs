#!/usr/bin/env node
// eksctl TEST STAND-IN — not eksctl. No registry offers eksctl and this machine has no AWS, so the tests
// install this script as `eksctl` in the tool cache. It records its argv and the config file it was
// given with the FAKE EKS API (FAKE_EKSCTL_URL), which applies what eksctl would have done to the cloud
// and says whether to fail; this script prints the fake's lines and exits 0 or 1 like eksctl.
// With FAKE_EKSCTL_PIDS set, it appends its PID and that of a child it starts (a process tree like
// eksctl's own) to that file, so a test can prove a cancelled run leaves neither behind. With
// FAKE_EKSCTL_IGNORE_SIGTERM set, both ignore SIGTERM (a CLI finishing its call first): only SIGKILL stops them.
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';

const base = process.env.FAKE_EKSCTL_URL;
const argv = process.argv.slice(2);
console.log(`eksctl TEST STAND-IN: ${argv.join(' ')}`);
if (!base) {
  console.error('eksctl TEST STAND-IN: FAKE_EKSCTL_URL is not set');
  process.exit(2);
}
const stubborn = !!process.env.FAKE_EKSCTL_IGNORE_SIGTERM;
if (stubborn) process.on('SIGTERM', () => console.log('eksctl TEST STAND-IN: SIGTERM ignored'));
let child;
if (process.env.FAKE_EKSCTL_PIDS) {
  const ignore = stubborn ? "process.on('SIGTERM', () => {}); " : '';
  child = spawn(process.execPath, ['-e', `${ignore}setInterval(() => {}, 1e9)`], { stdio: 'ignore' });
  appendFileSync(process.env.FAKE_EKSCTL_PIDS, `${process.pid} ${child.pid} ${argv.slice(0, 2).join(' ')}\n`);
}
let file;
for (const [i, a] of argv.entries()) {
  if (a.startsWith('--config-file=')) file = a.slice('--config-file='.length);
  else if (a === '--config-file' || a === '-f') file = argv[i + 1];
}
const configText = file ? readFileSync(file, 'utf8') : undefined;
const res = await fetch(`${base}/__eksctl`, { method: 'POST', body: JSON.stringify({ argv, configText }) });
const out = await res.json();
for (const line of out.lines ?? []) (out.ok ? console.log : console.error)(line);
child?.kill();
process.exit(out.ok ? 0 : 1);
