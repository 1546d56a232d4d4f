// PLACEHOLDER: the CLI is being written in this session.
process.stdout.write('marathon\n');
