import { postgresDatabases } from '../../support/store-databases';
import { crashHerstel } from './crash-herstel';

crashHerstel('PostgreSQL', postgresDatabases('crash-herstel'));
