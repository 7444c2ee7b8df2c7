import { postgresDatabases } from '../../../support/store-databases';
import { protocolStoreContract } from './protocol-store.contract';

protocolStoreContract('PostgreSQL', postgresDatabases('protocol_contract'));
