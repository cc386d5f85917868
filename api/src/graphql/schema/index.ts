import { builder } from '../builder.js';
import './root.js';
import './errors.js';
import './user.js';
import './field-type.js';
import './schema.js';
import './schema-edit.js';
import './member.js';
import './export.js';
import './export-report.js';
import './export-start.js';
import './export-event.js';
import './preview.js';
import './import.js';
import './assist.js';
import './assist-change.js';
import './assist-key.js';

export const schema = builder.toSchema();
