#!/usr/bin/env node
// The main native build: cmake-js against the system's Qt 6 (binding.gyp is the node-gyp fallback).
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const root = path.join(__dirname, '..');
const cmakeJs = require.resolve('cmake-js/bin/cmake-js', { paths: [root] });
// QTNETWORK_SANITIZE: the ASan+UBSan debug build (scripts/test-sanitizers), kept apart from the main one.
const sanitize = Boolean(process.env.QTNETWORK_SANITIZE);
const args = [cmakeJs, 'compile', '--directory', root, '--out', path.join(root, sanitize ? 'build-asan' : 'build')];
if (sanitize) args.push('--CDQTNETWORK_SANITIZE=ON', '--debug');
execFileSync(process.execPath, args, { stdio: 'inherit', cwd: root });
